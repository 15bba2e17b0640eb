import { describe, expect, it } from 'vitest';
import {
  dueDateOf,
  isPeriodLastDay,
  lastDayOfPeriodEnding,
  latestEndedPeriod,
  parseEndTime,
  periodContaining,
  periodEndInstant,
  periodHasEnded,
  periodStartInstant,
  recentEndedPeriods,
  settlementStanding,
  type PeriodRule,
} from '../../shared/domain/settlement';
import { itemise, type ItemisableEntry } from '../../shared/domain/settlementItems';

const sunday: PeriodRule = { weekday: 7, time: '24:00', timeZone: 'Asia/Jakarta', paymentTermDays: 2 };

describe('settlement periods (default: Sunday 24:00 Asia/Jakarta, due 2 days later)', () => {
  it('ends a week at the end of Sunday local time', () => {
    expect(periodEndInstant('2026-11-01', sunday)).toBe('2026-11-01T17:00:00.000Z');
    expect(periodStartInstant('2026-11-01', sunday)).toBe('2026-10-25T17:00:00.000Z');
    expect(isPeriodLastDay('2026-11-01', sunday)).toBe(true);
    expect(isPeriodLastDay('2026-11-02', sunday)).toBe(false);
  });

  it('finds the latest ended period at a moment, exactly at the boundary too', () => {
    // Monday 09:00 local
    expect(latestEndedPeriod('2026-11-02T02:00:00.000Z', sunday)).toBe('2026-11-01');
    // Sunday 23:59 local: that Sunday's week has not ended
    expect(latestEndedPeriod('2026-11-01T16:59:00.000Z', sunday)).toBe('2026-10-25');
    // exactly at the end instant it has ended
    expect(latestEndedPeriod('2026-11-01T17:00:00.000Z', sunday)).toBe('2026-11-01');
    expect(periodHasEnded('2026-11-01', '2026-11-01T16:59:59.999Z', sunday)).toBe(false);
    expect(periodHasEnded('2026-11-01', '2026-11-01T17:00:00.000Z', sunday)).toBe(true);
  });

  it('puts an instant in the period whose end is strictly after it', () => {
    expect(periodContaining('2026-11-01T16:59:59.999Z', sunday)).toBe('2026-11-01');
    expect(periodContaining('2026-11-01T17:00:00.000Z', sunday)).toBe('2026-11-08');
    expect(periodContaining('2026-10-26T00:00:00.000Z', sunday)).toBe('2026-11-01');
  });

  it('due date = last day + payment term days; last day from an end instant', () => {
    expect(dueDateOf('2026-11-01', sunday)).toBe('2026-11-03');
    expect(dueDateOf('2026-12-27', { ...sunday, paymentTermDays: 7 })).toBe('2027-01-03');
    expect(lastDayOfPeriodEnding('2026-11-01T17:00:00.000Z', 'Asia/Jakarta')).toBe('2026-11-01');
  });

  it('handles another weekday and time, and another zone', () => {
    const friday: PeriodRule = { weekday: 5, time: '18:00', timeZone: 'Asia/Makassar', paymentTermDays: 0 };
    expect(periodEndInstant('2026-11-06', friday)).toBe('2026-11-06T10:00:00.000Z');
    // Friday 17:59 WITA: the week ending the previous Friday is the latest ended one
    expect(latestEndedPeriod('2026-11-06T09:59:00.000Z', friday)).toBe('2026-10-30');
    expect(latestEndedPeriod('2026-11-06T10:00:00.000Z', friday)).toBe('2026-11-06');
    expect(dueDateOf('2026-11-06', friday)).toBe('2026-11-06');
    expect(recentEndedPeriods('2026-11-06T10:00:00.000Z', friday, 3)).toEqual(['2026-11-06', '2026-10-30', '2026-10-23']);
  });

  it('keeps local periods across a DST change', () => {
    const berlin: PeriodRule = { weekday: 7, time: '24:00', timeZone: 'Europe/Berlin', paymentTermDays: 2 };
    // 2026-10-25 is the last Sunday of October: the clocks go back that night
    expect(periodEndInstant('2026-10-25', berlin)).toBe('2026-10-25T23:00:00.000Z');
    expect(periodEndInstant('2026-10-18', berlin)).toBe('2026-10-18T22:00:00.000Z');
  });

  it('refuses a malformed end time', () => {
    expect(() => parseEndTime('25:00')).toThrow();
    expect(() => parseEndTime('24:30')).toThrow();
    expect(parseEndTime('24:00')).toEqual({ hour: 24, minute: 0 });
  });

  it('tells paid, partly paid, unpaid and overdue apart', () => {
    expect(settlementStanding(1000, 0, '2026-11-03', '2026-11-03')).toEqual({ state: 'unpaid', remaining: 1000, overdue: false, daysOverdue: 0 });
    expect(settlementStanding(1000, 400, '2026-11-03', '2026-11-05')).toEqual({ state: 'partly_paid', remaining: 600, overdue: true, daysOverdue: 2 });
    expect(settlementStanding(1000, 1000, '2026-11-03', '2026-11-30')).toMatchObject({ state: 'paid', overdue: false, daysOverdue: 0 });
    expect(settlementStanding(0, 0, '2026-11-03', '2026-11-30')).toMatchObject({ state: 'paid', remaining: 0 });
  });
});

describe('itemising a settlement', () => {
  const e = (over: Partial<ItemisableEntry>): ItemisableEntry => ({
    id: 1, seq: 1, kind: 'sale', amount: 0, occurredAt: '2026-11-01T01:00:00.000Z', productId: 1, productName: 'Telur asin', unit: 'butir',
    quantity: null, reason: '', ...over,
  });
  it('groups sales by product and share per unit, and totals every kind', () => {
    const items = itemise([
      e({ id: 1, amount: 8000, quantity: 4 }),
      e({ id: 2, amount: 4000, quantity: 2 }),
      e({ id: 3, amount: 2500, quantity: 1 }), // terms changed mid-week
      e({ id: 4, amount: 1001, quantity: 3, productId: 2, productName: 'Keripik', unit: 'bungkus' }), // discounted percentage line
      e({ id: 5, kind: 'refund', amount: -2000, quantity: 1 }),
      e({ id: 6, kind: 'shrinkage', amount: 1500, quantity: 1, productId: 2, productName: 'Keripik', unit: 'bungkus' }),
      e({ id: 7, kind: 'deduction', amount: -500, productId: null, reason: 'plastik' }),
      e({ id: 8, kind: 'adjustment', amount: 300, productId: null, reason: 'koreksi' }),
    ]);
    const egg = items.products.find((p) => p.productName === 'Telur asin')!;
    expect(egg.saleRows).toEqual([
      { sharePerUnit: 2500, units: 1, subtotal: 2500 },
      { sharePerUnit: 2000, units: 6, subtotal: 12000 },
    ]);
    expect(egg).toMatchObject({ unitsSold: 7, unitsRefunded: 1, salesShare: 14500, refundShare: -2000, netShare: 12500 });
    expect(items.products.find((p) => p.productName === 'Keripik')!.saleRows).toEqual([{ sharePerUnit: null, units: 3, subtotal: 1001 }]);
    expect(items).toMatchObject({ salesTotal: 15501, refundTotal: -2000, shrinkageTotal: 1500, deductionTotal: -500, adjustmentTotal: 300 });
    expect(items.totalDue).toBe(15501 - 2000 + 1500 - 500 + 300);
    expect(items.deductions).toEqual([{ entryId: 7, occurredAt: '2026-11-01T01:00:00.000Z', amount: -500, reason: 'plastik' }]);
    expect(() => itemise([e({ kind: 'payout', amount: -1 })])).toThrow();
  });
});

describe('period bounds for slips', () => {
  it('reads a midnight-to-midnight week as its first and last day', async () => {
    const { periodBounds } = await import('../../shared/domain/settlement');
    expect(periodBounds('2026-10-25T17:00:00.000Z', '2026-11-01T17:00:00.000Z', 'Asia/Jakarta')).toEqual({
      from: { date: '2026-10-26', time: null },
      to: { date: '2026-11-01', time: null },
    });
    expect(periodBounds(null, '2026-10-31T11:00:00.000Z', 'Asia/Jakarta')).toEqual({ from: null, to: { date: '2026-10-31', time: '18:00' } });
  });
});
