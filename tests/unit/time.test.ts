import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeekday, localToInstant, toLocalDate } from '../../shared/domain/time';

describe('store-local dates', () => {
  it('puts 23:30 in Jakarta on the same local day although it is 16:30 UTC', () => {
    expect(toLocalDate('2026-11-30T16:30:00.000Z', 'Asia/Jakarta')).toBe('2026-11-30');
    expect(toLocalDate('2026-11-30T17:00:00.000Z', 'Asia/Jakarta')).toBe('2026-12-01');
  });
  it('finds the instant of a local wall-clock time, 24:00 being the next midnight', () => {
    expect(localToInstant('2026-11-29', 'Asia/Jakarta', 24, 0)).toBe('2026-11-29T17:00:00.000Z');
    expect(localToInstant('2026-11-29', 'Asia/Makassar')).toBe('2026-11-28T16:00:00.000Z');
  });
  it('counts whole calendar days and weekdays', () => {
    expect(daysBetween('2026-11-30', '2026-12-02')).toBe(2);
    expect(daysBetween('2026-12-02', '2026-11-30')).toBe(-2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('2026-11-30')).toBe(1);
  });
});
