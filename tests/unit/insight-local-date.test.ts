import { describe, expect, it } from 'vitest';
import { localDater } from '../../electron/core/insight/load';
import { toLocalDate } from '../../shared/domain/time';

// The insight reads date thousands of movements with localDater (remembered offsets, and no Date
// object when the local time of day stays on the UTC day); it must give the zone's own local date.
describe('localDater', () => {
  it('gives the same local date as the zone itself, around midnight, in whole, half and quarter hour zones and across daylight saving', () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'America/New_York', 'Australia/Lord_Howe', 'UTC'];
    const days = ['2026-01-01', '2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-11-01', '2026-11-23', '2024-02-29'];
    let checked = 0;
    for (const zone of zones) {
      const local = localDater(zone);
      for (const day of days) {
        for (let minute = 0; minute < 1440; minute += 15) {
          for (const second of ['00.000', '59.999']) {
            const iso = `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${second}Z`;
            expect(`${zone} ${iso} ${local(iso)}`).toBe(`${zone} ${iso} ${toLocalDate(iso, zone)}`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(9 * 8 * 96 * 2);
  });
});
