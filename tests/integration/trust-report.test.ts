import { describe, expect, it } from 'vitest';
import { makeTestCore, TestClock } from '../helpers/core';
import { seedTrust, type SeedProducer } from './trust-seed';
import { producerSlipTrust } from '../../electron/core/trust/slip';

// Asia/Jakarta, report date Tuesday 10 Nov 2026 (12:00 local).
const FIXTURE: SeedProducer[] = [
  {
    name: 'Bu Sari Keripik',
    shortName: 'SARI',
    settlements: [
      { periodEnd: '2026-10-19', total: 100_000, payouts: [{ date: '2026-10-21', time: '09:00', amount: 100_000 }] }, // on time
      { periodEnd: '2026-10-26', total: 80_000, payouts: [{ date: '2026-10-27', amount: 40_000 }, { date: '2026-10-30', amount: 40_000, method: 'transfer' }] }, // 2 days late
      { periodEnd: '2026-11-02', total: 50_000, payouts: [{ date: '2026-11-04', amount: 20_000 }] }, // overdue 6 days on 10 Nov
      { periodEnd: '2026-11-09', total: 0 }, // zero total, due 11 Nov
    ],
  },
  {
    name: 'Pak Darto Gula Aren',
    shortName: 'DARTO',
    settlements: [
      { periodEnd: '2026-10-19', total: 60_000, payouts: [{ date: '2026-10-21', time: '23:30', amount: 60_000 }] }, // 16:30 UTC on the due date: on time
      { periodEnd: '2026-10-26', total: 30_000, payouts: [{ date: '2026-10-29', amount: 30_000 }] }, // 1 day late
      { periodEnd: '2026-11-02', total: 45_000, payouts: [{ date: '2026-11-04', amount: 45_000, recordedDate: '2026-11-08' }] }, // back-dated: on time
      { periodEnd: '2026-11-09', total: 70_000 }, // due 11 Nov: not yet due
    ],
  },
  { name: 'Ibu Nina Batik', shortName: 'NINA' }, // no settlements
];

function setup() {
  const t = makeTestCore({ clock: new TestClock('2026-11-10T05:00:00.000Z') });
  const ids = seedTrust(t.core.db!, FIXTURE);
  return { t, ids };
}

describe('reports.trust on real SQLite', () => {
  it('gives hand-computed store-wide and per-producer figures for the default range (last 12 weeks)', () => {
    const { t, ids } = setup();
    const [sari, darto, nina] = ids.producerIds as [number, number, number];
    const r = t.ok('reports.trust', {});
    expect(r).toMatchObject({ asOf: '2026-11-10', from: '2026-08-19', to: '2026-11-10', timeZone: 'Asia/Jakarta' });
    expect(r.store.range).toMatchObject({
      settlements: 6, due: 6, onTime: 3, late: 2, overdue: 1, notYetDue: 0, onTimeRateBps: 5000,
      averageDaysLateTenths: 15, maxDaysLate: 6, totalOwed: 365_000, totalPaid: 335_000, outstanding: 30_000,
    });
    expect(r.store.allTime).toMatchObject({ settlements: 8, zeroTotal: 1, due: 7, notYetDue: 1, outstanding: 100_000, onTimeRateBps: 5000 });
    const row = (id: number) => r.producers.find((p) => p.producerId === id)!;
    expect(row(sari).range).toEqual({
      settlements: 3, zeroTotal: 0, due: 3, onTime: 1, late: 1, overdue: 1, notYetDue: 0,
      onTimeRate: { numerator: 1, denominator: 3 }, onTimeRateBps: 3333, averageDaysLateTenths: 27, maxDaysLate: 6,
      totalOwed: 230_000, totalPaid: 200_000, outstanding: 30_000, oldestUnpaidDueDate: '2026-11-04', oldestUnpaidAgeDays: 9, oldestUnpaidDaysOverdue: 6,
      lastPayoutAt: '2026-11-04T03:00:00.000Z',
    });
    expect(row(sari).allTime).toMatchObject({ settlements: 4, zeroTotal: 1, due: 3 });
    expect(row(darto).range).toMatchObject({ onTime: 2, late: 1, overdue: 0, onTimeRateBps: 6667, averageDaysLateTenths: 3, maxDaysLate: 1, outstanding: 0, oldestUnpaidDueDate: null });
    expect(row(darto).allTime).toMatchObject({ notYetDue: 1, outstanding: 70_000, oldestUnpaidDueDate: '2026-11-11', oldestUnpaidAgeDays: 2, oldestUnpaidDaysOverdue: 0 });
    expect(row(nina).range).toMatchObject({ settlements: 0, onTimeRate: null, onTimeRateBps: null, averageDaysLateTenths: null });
    expect(r.producers.map((p) => p.shortName)).toEqual(['SARI', 'NINA', 'DARTO']); // by name
    expect(r.lateNow).toEqual([{ producerId: sari, name: 'Bu Sari Keripik', shortName: 'SARI', overdueSettlements: 1, overdueAmount: 30_000, oldestDueDate: '2026-11-04', daysOverdue: 6 }]);
    t.close();
  });

  it('honours a range that cuts the history, and an earlier report date', () => {
    const { t, ids } = setup();
    const [sari] = ids.producerIds as [number];
    const cut = t.ok('reports.trust', { from: '2026-10-25' });
    expect(cut.store.range).toMatchObject({ settlements: 4, onTime: 1, late: 2, overdue: 1 });
    const earlier = t.ok('reports.trust', { asOf: '2026-11-05' });
    // on 5 Nov Sari's third settlement was 1 day overdue; settlements ending 9 Nov did not exist yet
    expect(earlier.lateNow).toMatchObject([{ producerId: sari, daysOverdue: 1 }]);
    expect(earlier.store.allTime.settlements).toBe(6);
    const bad = t.err('reports.trust', { from: '2026-11-10', to: '2026-11-01' });
    expect(bad.code).toBe('VALIDATION');
    t.close();
  });

  it('reports.trustProducer lists every settlement with its payouts, and CSV exports agree', () => {
    const { t, ids } = setup();
    const [sari, darto] = ids.producerIds as [number, number];
    const d = t.ok('reports.trustProducer', { producerId: sari });
    expect(d.producer).toMatchObject({ name: 'Bu Sari Keripik', shortName: 'SARI' });
    expect(d.settlements.map((s) => [s.status, s.paidInFullDate, s.daysLate, s.payouts.length])).toEqual([
      ['onTime', '2026-10-21', 0, 1],
      ['late', '2026-10-30', 2, 2],
      ['overdue', null, 6, 1],
      ['zeroTotal', '2026-11-08', 0, 0], // paid in full on the period's last day (the seed's end is Monday 9 Nov 00:00)
    ]);
    expect(d.settlements[1]!.payouts.map((p) => [p.paidDate, p.amount, p.method])).toEqual([
      ['2026-10-27', 40_000, 'cash_safe'],
      ['2026-10-30', 40_000, 'transfer'],
    ]);
    expect(d.settlements[0]).toMatchObject({ periodStart: null, periodEndDate: '2026-10-18', dueDate: '2026-10-21', inRange: true }); // ends Monday 19 Oct 00:00: its last day is Sunday 18; the next period starts on the 19th
    expect(d.settlements[1]).toMatchObject({ periodStartDate: '2026-10-19' });
    expect(d.trend.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
    const dd = t.ok('reports.trustProducer', { producerId: darto });
    expect(dd.settlements[0]).toMatchObject({ status: 'onTime', paidInFullDate: '2026-10-21' });
    expect(dd.settlements[2]).toMatchObject({ status: 'onTime', paidInFullDate: '2026-11-04' });
    expect(t.err('reports.trustProducer', { producerId: 999 }).code).toBe('NOT_FOUND');

    const all = t.ok('reports.trustCsv', { lang: 'en' });
    const lines = all.csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 1 + 3);
    expect(lines[0]).toMatch(/^Producer,Short name,Settlements/);
    expect(lines[1]).toMatch(/^ALL PRODUCERS,,6,0,6,3,2,1,0,50\.0,1\.5,6,365000,335000,30000,/);
    const one = t.ok('reports.trustCsv', { producerId: sari, lang: 'id' });
    expect(one.filename).toBe('kepercayaan-sari-2026-08-19-2026-11-10.csv');
    expect(one.csv.trim().split('\r\n')).toHaveLength(5);
    expect(one.csv).toContain('ST-000003,2026-10-26,2026-11-01,2026-11-04,50000,20000,30000,,menunggak,6,1,2026-11-04 20000 Tunai dari brankas');
    t.close();
  });
});

describe('payout slip trust summary from the database', () => {
  it('matches the figures of the producer over their last settlements', () => {
    const { t, ids } = setup();
    const [sari, darto, nina] = ids.producerIds as [number, number, number];
    const db = t.core.db!;
    // Sari on 10 Nov: 3 settlements due (on time, 2 days late, 6 days overdue); the zero-total one is skipped
    expect(producerSlipTrust(db, sari, '2026-11-10', 'Asia/Jakarta')).toEqual({ settlementsCounted: 3, onTimeRateBps: 3333, averageDaysLateTenths: 27, overdueNow: 1 });
    // Darto: the settlement due 11 Nov is not yet due on 10 Nov
    expect(producerSlipTrust(db, darto, '2026-11-10T05:00:00.000Z', 'Asia/Jakarta')).toEqual({ settlementsCounted: 3, onTimeRateBps: 6667, averageDaysLateTenths: 3, overdueNow: 0 });
    expect(producerSlipTrust(db, nina, '2026-11-10', 'Asia/Jakarta')).toEqual({ settlementsCounted: 0, onTimeRateBps: null, averageDaysLateTenths: null, overdueNow: 0 });
    t.close();
  });
});
