import { describe, expect, it } from 'vitest';
import {
  buildTrustReport,
  evaluateSettlements,
  payoutSlipTrustSummary,
  producerTrustDetail,
  type TrustPayout,
  type TrustSettlement,
} from '../../shared/domain/trust';

// Asia/Jakarta is UTC+7. Period ends Sunday 24:00 local = Monday 00:00 local.
const TZ = 'Asia/Jakarta';
const PERIOD_END = '2026-11-01T17:00:00.000Z'; // local 2026-11-02 00:00
const DUE = '2026-11-04';
const st = (id: number, totalDue: number, extra: Partial<TrustSettlement> = {}): TrustSettlement => ({
  id, producerId: 1, number: `ST-${String(id).padStart(6, '0')}`, periodEnd: PERIOD_END, dueDate: DUE, totalDue, ...extra,
});
const pay = (settlementId: number, amount: number, paidAt: string): TrustPayout => ({ settlementId, amount, paidAt });

function one(s: TrustSettlement, payouts: TrustPayout[], asOf = '2026-11-10') {
  const [r] = evaluateSettlements([s], payouts, { asOf, timeZone: TZ });
  return r!;
}

describe('trust ledger, per settlement (hand-computed)', () => {
  it('paid on the due date is on time', () => {
    const r = one(st(1, 100_000), [pay(1, 100_000, '2026-11-04T03:00:00.000Z')]);
    expect(r).toMatchObject({ status: 'onTime', paidInFullDate: '2026-11-04', daysLate: 0, paid: 100_000, outstanding: 0 });
  });
  it('paid one day after the due date is one day late', () => {
    const r = one(st(2, 100_000), [pay(2, 100_000, '2026-11-05T03:00:00.000Z')]);
    expect(r).toMatchObject({ status: 'late', paidInFullDate: '2026-11-05', daysLate: 1 });
  });
  it('paid in two parts, the second late: paid in full when the second part lands', () => {
    const r = one(st(3, 100_000), [pay(3, 40_000, '2026-11-07T02:00:00.000Z'), pay(3, 60_000, '2026-11-03T02:00:00.000Z')]);
    expect(r).toMatchObject({ status: 'late', paidInFullDate: '2026-11-07', daysLate: 3, payoutsCounted: 2, lastPayoutAt: '2026-11-07T02:00:00.000Z' });
  });
  it('overdue and still open at the report date counts days late so far', () => {
    const r = one(st(4, 50_000), [pay(4, 20_000, '2026-11-04T02:00:00.000Z')]);
    expect(r).toMatchObject({ status: 'overdue', paidInFullDate: null, daysLate: 6, paid: 20_000, outstanding: 30_000 });
  });
  it('a zero-total settlement is paid in full on its period end and is not judged', () => {
    const r = one(st(5, 0), []);
    expect(r).toMatchObject({ status: 'zeroTotal', paidInFullDate: '2026-11-01', daysLate: 0, outstanding: 0 });
  });
  it('a back-dated payout counts on the date it was paid, and a payout after the report date not at all', () => {
    // recorded on the 8th (listed last) but back-dated to the due date
    const r = one(st(6, 100_000), [pay(6, 100_000, '2026-11-04T05:00:00.000Z')], '2026-11-08');
    expect(r).toMatchObject({ status: 'onTime', paidInFullDate: '2026-11-04' });
    const before = one(st(6, 100_000), [pay(6, 100_000, '2026-11-06T05:00:00.000Z')], '2026-11-05');
    expect(before).toMatchObject({ status: 'overdue', daysLate: 1, paid: 0 });
  });
  it('23:30 local on the due date is on time although it is 16:30 UTC; midnight local is a day late', () => {
    expect(one(st(7, 10_000), [pay(7, 10_000, '2026-11-04T16:30:00.000Z')])).toMatchObject({ status: 'onTime', paidInFullDate: '2026-11-04' });
    expect(one(st(7, 10_000), [pay(7, 10_000, '2026-11-04T17:00:00.000Z')])).toMatchObject({ status: 'late', daysLate: 1 });
  });
  it('open on its due date is not yet due; paid early before the due date is on time', () => {
    expect(one(st(8, 10_000), [], '2026-11-04')).toMatchObject({ status: 'notYetDue', daysLate: 0 });
    expect(one(st(8, 10_000), [pay(8, 10_000, '2026-11-02T03:00:00.000Z')], '2026-11-03')).toMatchObject({ status: 'onTime' });
  });
  it('a settlement whose period ends after the report date does not exist yet', () => {
    expect(evaluateSettlements([st(9, 10_000)], [], { asOf: '2026-11-01', timeZone: TZ })).toEqual([]);
  });
});

describe('trust ledger, figures (hand-computed)', () => {
  const settlements = [st(1, 100_000), st(2, 100_000), st(3, 100_000), st(4, 50_000), st(5, 0)];
  const payouts = [
    pay(1, 100_000, '2026-11-04T03:00:00.000Z'),
    pay(2, 100_000, '2026-11-05T03:00:00.000Z'),
    pay(3, 60_000, '2026-11-03T02:00:00.000Z'),
    pay(3, 40_000, '2026-11-07T02:00:00.000Z'),
    pay(4, 20_000, '2026-11-04T02:00:00.000Z'),
  ];
  it('counts on time, late, overdue; rate and average exclude the zero-total settlement', () => {
    const report = buildTrustReport(settlements, payouts, { asOf: '2026-11-10', timeZone: TZ, producerIds: [1, 9] });
    expect(report).toMatchObject({ from: '2026-08-19', to: '2026-11-10' });
    const p1 = report.producers.find((p) => p.producerId === 1)!;
    expect(p1.range).toEqual({
      settlements: 5, zeroTotal: 1, due: 4, onTime: 1, late: 2, overdue: 1, notYetDue: 0,
      onTimeRate: { numerator: 1, denominator: 4 }, onTimeRateBps: 2500,
      averageDaysLateTenths: 25, // (0 + 1 + 3 + 6) / 4 = 2.5 days
      maxDaysLate: 6,
      totalOwed: 350_000, totalPaid: 320_000, outstanding: 30_000,
      oldestUnpaidDueDate: '2026-11-04', oldestUnpaidAgeDays: 9, oldestUnpaidDaysOverdue: 6, // age from the period's last day 1 Nov to 10 Nov; overdue from the due date
      lastPayoutAt: '2026-11-07T02:00:00.000Z',
    });
    expect(report.store.range).toEqual(p1.range);
    expect(report.lateNow).toEqual([{ producerId: 1, overdueSettlements: 1, overdueAmount: 30_000, oldestDueDate: '2026-11-04', daysOverdue: 6 }]);
    expect(report.store.trend).toHaveLength(1);
    expect(report.store.trend[0]).toMatchObject({ month: '2026-11', onTime: 1, late: 2, overdue: 1, onTimeRateBps: 2500 });
  });
  it('a producer with no settlements has empty figures: counts 0, rates null (not 0)', () => {
    const report = buildTrustReport(settlements, payouts, { asOf: '2026-11-10', timeZone: TZ, producerIds: [1, 9] });
    const p9 = report.producers.find((p) => p.producerId === 9)!;
    expect(p9.allTime).toMatchObject({ settlements: 0, due: 0, onTimeRate: null, onTimeRateBps: null, averageDaysLateTenths: null, maxDaysLate: null, outstanding: 0, oldestUnpaidAgeDays: null, lastPayoutAt: null });
  });
  it('a range includes a settlement by its due date, even when its period straddles the range start', () => {
    // period 26 Oct – 2 Nov, due 4 Nov: a range from 1 Nov holds it whole; a range from 5 Nov none of it
    const s = [st(1, 100_000, { periodEnd: PERIOD_END })];
    const p = [pay(1, 100_000, '2026-11-04T03:00:00.000Z')];
    expect(buildTrustReport(s, p, { asOf: '2026-11-10', timeZone: TZ, from: '2026-11-01' }).store.range).toMatchObject({ settlements: 1, onTime: 1, totalOwed: 100_000 });
    expect(buildTrustReport(s, p, { asOf: '2026-11-10', timeZone: TZ, from: '2026-11-05' }).store.range).toMatchObject({ settlements: 0, onTimeRateBps: null, totalOwed: 0 });
    expect(buildTrustReport(s, p, { asOf: '2026-11-10', timeZone: TZ, from: '2026-11-01', to: '2026-11-03' }).store.range.settlements).toBe(0);
    expect(buildTrustReport(s, p, { asOf: '2026-11-10', timeZone: TZ, from: '2026-11-05' }).store.allTime.settlements).toBe(1);
  });
  it('producer detail marks range membership and gives a monthly trend', () => {
    const d = producerTrustDetail(1, [...settlements, st(20, 5_000, { producerId: 2 })], payouts, { asOf: '2026-11-10', timeZone: TZ });
    expect(d.settlements.map((s) => s.settlementId)).toEqual([1, 2, 3, 4, 5]);
    expect(d.settlements.every((s) => s.inRange)).toBe(true);
    expect(d.allTime.onTimeRateBps).toBe(2500);
  });
});

describe('payout slip trust summary', () => {
  it('looks at the last 12 settlements due by the report date', () => {
    // 14 weekly settlements: the first two late by 5 days, the next 12 on time except one 2 days late
    const ss: TrustSettlement[] = [];
    const ps: TrustPayout[] = [];
    for (let i = 0; i < 14; i++) {
      const end = new Date(Date.parse(PERIOD_END) + i * 7 * 86_400_000).toISOString();
      const due = new Date(Date.parse('2026-11-04T00:00:00Z') + i * 7 * 86_400_000).toISOString().slice(0, 10);
      ss.push(st(100 + i, 10_000, { periodEnd: end, dueDate: due }));
      const lateDays = i < 2 ? 5 : i === 7 ? 2 : 0;
      ps.push(pay(100 + i, 10_000, new Date(Date.parse(`${due}T03:00:00Z`) + lateDays * 86_400_000).toISOString()));
    }
    const summary = payoutSlipTrustSummary(ss, ps, { asOf: '2027-03-01', timeZone: TZ });
    // 11 of 12 on time = 9167 bps; (2 days) / 12 = 0.1666 → 2 tenths
    expect(summary).toEqual({ settlementsCounted: 12, onTimeRateBps: 9167, averageDaysLateTenths: 2, overdueNow: 0 });
    // an instant is accepted as the report moment
    expect(payoutSlipTrustSummary(ss, ps, { asOf: '2027-02-28T18:00:00.000Z', timeZone: TZ })).toEqual(summary);
    expect(payoutSlipTrustSummary([], [], { asOf: '2027-03-01', timeZone: TZ })).toEqual({ settlementsCounted: 0, onTimeRateBps: null, averageDaysLateTenths: null, overdueNow: 0 });
  });
});
