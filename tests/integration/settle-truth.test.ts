/**
 * Issue #10: what the shop and its producers read must be right.
 * 0 — ended weeks nobody finalised are owed all the same;
 * 1 — one period date (the week's last local day) everywhere;
 * 2 — one "days overdue" for the same debt;
 * 8 — a negative week settles at Rp 0 and carries forward, without blocking others.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/core';
import { checkInvariants, seedProducer, seedProduct, writeEntry } from './settle-helpers';
import { producerSlipTrust } from '../../electron/core/trust/slip';

let t: TestCore;
afterEach(() => t?.close());

// Jakarta: the week ending Sunday 1 Nov ends at 2026-11-01T17:00Z; Sunday 8 Nov at 2026-11-08T17:00Z.
function twoProducers() {
  t = makeTestCore(); // Monday 2 Nov 09:00 Jakarta
  const db = t.core.db!;
  // the store opened in the week ending Sunday 1 Nov
  const a = seedProducer(db, 'Bu Ani', { createdAt: '2026-10-26T02:00:00.000Z' });
  const b = seedProducer(db, 'Pak Budi', { createdAt: '2026-10-26T02:00:00.000Z' });
  const eggs = seedProduct(db, a, 'Telur asin', 'butir');
  const chips = seedProduct(db, b, 'Keripik pisang');
  return { db, a, b, eggs, chips };
}

describe('item 8: a negative week carries forward', () => {
  it('settles the negative producer at Rp 0, carries the amount into their next settlement, and settles the others', () => {
    const { db, a, b, eggs, chips } = twoProducers();
    writeEntry(db, { producerId: b, kind: 'sale', amount: 800, at: '2026-10-28T03:00:00.000Z', productId: chips, quantity: 1 });
    const w1 = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: t.manager() });
    expect(w1.settlements.find((s) => s.producer.id === b)!.totalDue).toBe(800);
    // week 2: A sells, B's customer brings back last week's bag
    writeEntry(db, { producerId: a, kind: 'sale', amount: 800, at: '2026-11-03T03:00:00.000Z', productId: eggs, quantity: 1 });
    writeEntry(db, { producerId: b, kind: 'refund', amount: -800, at: '2026-11-04T03:00:00.000Z', productId: chips, quantity: 1 });
    t.clock.set('2026-11-09T02:00:00.000Z');
    const p = t.ok('settlements.preview', {});
    expect(p.producers.find((x) => x.producer.id === b)).toMatchObject({ weekTotal: -800, carriedIn: 0, totalDue: 0, carriedForward: -800 });
    expect(p.producers.find((x) => x.producer.id === a)).toMatchObject({ totalDue: 800, carriedForward: 0 });
    expect(p.negative).toEqual([{ producerId: b, name: 'Pak Budi', total: -800 }]);
    const w2 = t.ok('settlements.finalize', { periodEnd: '2026-11-08', approval: t.manager() });
    const bWeek2 = w2.settlements.find((s) => s.producer.id === b)!;
    expect(bWeek2).toMatchObject({ totalDue: 0, carriedForward: -800, state: 'paid' });
    expect(w2.settlements.find((s) => s.producer.id === a)!.totalDue).toBe(800);
    const detail2 = t.ok('settlements.get', { id: bWeek2.id });
    expect(detail2).toMatchObject({ totalDue: 0, carriedForward: -800, carriedIn: 0 });
    expect(detail2.items.refundTotal).toBe(-800);
    // the ledger is untouched: B's balance is what the entries say
    expect(t.ok('ledger.balances', {}).find((x) => x.id === b)).toMatchObject({ balance: 0, carriedForward: -800, unsettled: 0 });
    checkInvariants(t);
    // week 3: B sells 2 000; the settlement pays 1 200
    writeEntry(db, { producerId: b, kind: 'sale', amount: 2000, at: '2026-11-10T03:00:00.000Z', productId: chips, quantity: 2 });
    t.clock.set('2026-11-16T02:00:00.000Z');
    const w3 = t.ok('settlements.finalize', { periodEnd: '2026-11-15', approval: t.manager() });
    const bWeek3 = w3.settlements.find((s) => s.producer.id === b)!;
    expect(bWeek3).toMatchObject({ totalDue: 1200, carriedIn: -800, carriedForward: 0 });
    expect(t.ok('settlements.get', { id: bWeek3.id })).toMatchObject({ carriedIn: -800, totalDue: 1200 });
    checkInvariants(t);
    // trust treats the carried week like a zero-total one
    const trust = t.ok('reports.trustProducer', { producerId: b });
    expect(trust.settlements.find((s) => s.settlementId === bWeek2.id)!.status).toBe('zeroTotal');
  });
});

describe('item 0: an ended week nobody finalised is owed all the same', () => {
  it('counts unfinalised ended weeks in the owed list, the trust figures and the slip, and lists them oldest first', () => {
    const { db, a, eggs } = twoProducers();
    writeEntry(db, { producerId: a, kind: 'sale', amount: 5000, at: '2026-10-28T03:00:00.000Z', productId: eggs, quantity: 2 });
    writeEntry(db, { producerId: a, kind: 'sale', amount: 3000, at: '2026-11-04T03:00:00.000Z', productId: eggs, quantity: 1 });
    t.clock.set('2026-11-12T05:00:00.000Z'); // Thursday 12 Nov: weeks ending 1 and 8 Nov have ended, both unfinalised
    const owed = t.ok('settlements.owed', {});
    const mine = owed.items.filter((i) => i.producer.id === a);
    expect(mine.map((i) => [i.periodEnd, i.dueDate, i.totalDue, i.finalised, i.daysOverdue])).toEqual([
      ['2026-11-01', '2026-11-03', 5000, false, 9],
      ['2026-11-08', '2026-11-10', 3000, false, 2],
    ]);
    expect(owed.totalOverdue).toBe(8000);
    const period = t.ok('settlements.period', {});
    expect(period.waiting.map((w) => [w.periodEnd, w.overdue, w.daysOverdue, w.total])).toEqual([
      ['2026-11-01', true, 9, 5000],
      ['2026-11-08', true, 2, 3000],
    ]);
    const trust = t.ok('reports.trust', {});
    expect(trust.store.allTime).toMatchObject({ overdue: 2, onTimeRateBps: 0, outstanding: 8000, maxDaysLate: 9 });
    expect(trust.lateNow.find((l) => l.producerId === a)).toMatchObject({ overdueSettlements: 2, daysOverdue: 9, oldestDueDate: '2026-11-03' });
    // finalising the older week: the owed list does not jump, it stays the same money
    const fin = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: t.manager() });
    const st = fin.settlements.find((s) => s.producer.id === a)!;
    const after = t.ok('settlements.owed', {});
    expect(after.totalOverdue).toBe(8000);
    expect(after.items.filter((i) => i.producer.id === a).map((i) => [i.number, i.finalised])).toEqual([[st.number, true], [null, false]]);
    expect(t.ok('settlements.period', {}).waiting.map((w) => w.periodEnd)).toEqual(['2026-11-08']);
    // the slip's trust summary counts the waiting week as overdue too
    const slip = t.ok('settlements.get', { id: st.id }).trust;
    expect(slip).toMatchObject({ overdueNow: 2, settlementsCounted: 2, onTimeRateBps: 0 });
    expect(producerSlipTrust(db, a, '2026-11-12', 'Asia/Jakarta').overdueNow).toBe(2);
  });
});

describe('items 1 and 2: one period date and one count of days overdue', () => {
  it('dates a week by its last local day and counts days overdue the same in every figure', () => {
    const { db, a, b, eggs } = twoProducers();
    writeEntry(db, { producerId: a, kind: 'sale', amount: 5000, at: '2026-10-28T03:00:00.000Z', productId: eggs, quantity: 2 });
    const fin = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: t.manager() });
    const st = fin.settlements.find((s) => s.producer.id === a)!;
    const zero = fin.settlements.find((s) => s.producer.id === b)!;
    expect(st).toMatchObject({ periodEnd: '2026-11-01', dueDate: '2026-11-03' });
    t.clock.set('2026-11-04T05:00:00.000Z'); // Wednesday: one day after the due date (the next week has not ended)
    const owedItem = t.ok('settlements.owed', {}).items.find((i) => i.id === st.id)!;
    expect(owedItem.daysOverdue).toBe(1);
    const detail = t.ok('reports.trustProducer', { producerId: a });
    const row = detail.settlements.find((s) => s.settlementId === st.id)!;
    expect(row).toMatchObject({ periodEndDate: '2026-11-01', periodStartDate: null, status: 'overdue', daysLate: 1 });
    expect(detail.allTime).toMatchObject({ oldestUnpaidDueDate: '2026-11-03', oldestUnpaidDaysOverdue: 1, oldestUnpaidAgeDays: 3 });
    const report = t.ok('reports.trust', {});
    expect(report.lateNow.find((l) => l.producerId === a)!.daysOverdue).toBe(1);
    expect(report.producers.find((p) => p.producerId === a)!.allTime.oldestUnpaidDaysOverdue).toBe(1);
    // a zero-total week is paid in full on its own last day, not the Monday after
    const zeroRow = t.ok('reports.trustProducer', { producerId: b }).settlements.find((s) => s.settlementId === zero.id)!;
    expect(zeroRow).toMatchObject({ periodEndDate: '2026-11-01', paidInFullDate: '2026-11-01', status: 'zeroTotal' });
    // the CSV gives the same date and day count, under the shop's word for a settlement
    const csv = t.ok('reports.trustCsv', { producerId: a }).csv;
    expect(csv.split('\n')[0]).toMatch(/^Nomor,Awal periode,Akhir periode/);
    expect(csv).toContain(`${st.number},,2026-11-01,2026-11-03,5000,0,5000,,menunggak,1,`);
    expect(csv).not.toContain('2026-11-02');
    const storeCsv = t.ok('reports.trustCsv', {}).csv;
    expect(storeCsv.split('\n')[0]).toContain('Setoran');
    expect(storeCsv.split('\n')[0]).not.toContain('Setelmen');
  });
});
