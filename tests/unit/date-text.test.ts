import { expect, it } from 'vitest';
import { dateTimeToText, dateToText, textToDate, textToDateTime } from '../../renderer/components/dateText';

it('shows dates day first and reads what a cashier types', () => {
  expect(dateToText('2026-11-22')).toBe('22/11/2026');
  expect(textToDate('22/11/2026')).toBe('2026-11-22');
  expect(textToDate('2/3/2026')).toBe('2026-03-02');
  expect(textToDate('02.03.2026')).toBe('2026-03-02');
  expect(textToDate('2026-03-02')).toBe('2026-03-02');
  // day first: 11/12 is the 11th of December, never November 12th
  expect(textToDate('11/12/2026')).toBe('2026-12-11');
  for (const bad of ['31/02/2026', '29/02/2025', '00/01/2026', '1/13/2026', '22/11/26', 'kemarin', '']) expect(textToDate(bad), bad).toBeNull();
  expect(textToDate('29/02/2028')).toBe('2028-02-29');
});

it('shows and reads times on a 24-hour clock', () => {
  expect(dateTimeToText('2026-11-22T14:05')).toBe('22/11/2026 14:05');
  expect(textToDateTime('22/11/2026 14:05')).toBe('2026-11-22T14:05');
  expect(textToDateTime('22/11/2026 9.30')).toBe('2026-11-22T09:30');
  expect(textToDateTime('2026-11-22T23:59')).toBe('2026-11-22T23:59');
  expect(textToDateTime('22/11/2026 24:00')).toBeNull();
  expect(textToDateTime('22/11/2026 2:05 PM')).toBeNull();
});
