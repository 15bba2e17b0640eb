/**
 * The trust report's fast paths (issue #13): remembered period days, instants
 * compared as strings, local dates read by character codes. Each must give
 * exactly what the plain computation gives: checked here against it, over
 * seeded random instants and ledgers in zones with and without daylight saving.
 */
import { describe, expect, it } from 'vitest';
import { CANONICAL, compareInstants, isCanonicalStart, lastDayOfPeriod, localDateOf } from '../../shared/domain/trustTime';
import { evaluateSettlements, trustFigures, type TrustPayout, type TrustSettlement } from '../../shared/domain/trust';
import { addDays, localToInstant, toLocalDate } from '../../shared/domain/time';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = ['Asia/Jakarta', 'Asia/Jayapura', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'];
const START = Date.parse('2019-01-01T00:00:00Z');
const SPAN = 10 * 365 * 86_400_000;

/** An instant in one of the forms an instant can come in: mostly toISOString's, some with an offset or without milliseconds. */
function randomInstant(rand: () => number): string {
  const ms = START + Math.floor(rand() * SPAN);
  const iso = new Date(rand() < 0.3 ? Math.floor(ms / 3_600_000) * 3_600_000 : ms).toISOString(); // whole hours meet DST switches
  const r = rand();
  if (r < 0.75) return iso;
  if (r < 0.85) return iso.replace('.000Z', 'Z').replace(/\.\d{3}Z$/, 'Z');
  const off = rand() < 0.5 ? '+07:00' : '-05:00';
  const shifted = new Date(Date.parse(iso) + (off === '+07:00' ? 7 : -5) * 3_600_000).toISOString();
  return shifted.slice(0, 19) + off;
}

const sign = (n: number) => (Number.isNaN(n) ? NaN : Math.sign(n));

describe('trust report fast paths give what the plain computation gives', () => {
  it('reads the same strings as CANONICAL, and the same local date as Intl, in every zone', () => {
    const rand = prng(13);
    const odd = ['2026-11-04T16:30', '2026-11-04T16:3', '2026-1-04T16:30:00.000Z', '2026-11-04 16:30:00Z', '２026-11-04T16:30Z', '2026-11-04T1a:30:00Z', '', 'Z'];
    for (const s of odd) expect(isCanonicalStart(s)).toBe(CANONICAL.test(s));
    for (let i = 0; i < 4000; i++) {
      const s = randomInstant(rand);
      // a character changed here and there: the character-code reading must refuse exactly what the pattern refuses
      const chars = [...s];
      if (rand() < 0.3) chars[Math.floor(rand() * chars.length)] = '0-T:Zx9'[Math.floor(rand() * 7)]!;
      const mutated = chars.join('');
      expect(isCanonicalStart(mutated)).toBe(CANONICAL.test(mutated));
      const zone = ZONES[i % ZONES.length]!;
      expect(localDateOf(zone)(s)).toBe(toLocalDate(s, zone));
    }
  });

  it('remembers a period end’s last day without changing it', () => {
    const rand = prng(7);
    for (let i = 0; i < 3000; i++) {
      const zone = ZONES[i % ZONES.length]!;
      const end = randomInstant(rand);
      const plain = toLocalDate(new Date(Date.parse(end) - 1), zone);
      expect(lastDayOfPeriod(end, zone)).toBe(plain);
      expect(lastDayOfPeriod(end, zone)).toBe(plain); // from memory the second time
    }
  });

  it('orders instants as Date.parse does', () => {
    const rand = prng(21);
    for (let i = 0; i < 5000; i++) {
      const a = randomInstant(rand);
      const b = rand() < 0.2 ? a : rand() < 0.2 ? new Date(Date.parse(a)).toISOString() : randomInstant(rand);
      expect(sign(compareInstants(a, b))).toBe(sign(Date.parse(a) - Date.parse(b)));
    }
    expect(compareInstants('2026-11-04T16:30:00.000Z', '2026-11-04T23:30:00+07:00')).toBe(0);
    expect(compareInstants('nonsense', '2026-11-04T16:30:00.000Z')).toBeNaN();
  });

  it('finds each settlement’s and each figure’s last payout, and the period days, as the plain computation does', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rand = prng(seed);
      const zone = ZONES[seed % ZONES.length]!;
      const settlements: TrustSettlement[] = [];
      const payouts: TrustPayout[] = [];
      for (let id = 1; id <= 40; id++) {
        const end = addDays('2025-01-06', Math.floor(rand() * 8) * 7);
        const totalDue = rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 100_000);
        settlements.push({ id, producerId: 1 + (id % 3), number: `ST-${id}`, periodEnd: localToInstant(end, zone), dueDate: addDays(end, 2), totalDue });
        for (let k = Math.floor(rand() * 4); k > 0; k--) {
          // same-instant payouts in different forms, and some in the same form: the tie must go as before
          const at = localToInstant(addDays(end, Math.floor(rand() * 3)), zone, rand() < 0.5 ? 9 : 12, 0); // few instants: many ties
          const form = rand();
          const paidAt = form < 0.6 ? at : form < 0.8 ? at.replace('.000Z', 'Z') : new Date(Date.parse(at) + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
          payouts.push({ settlementId: id, amount: 1 + Math.floor(rand() * 60_000), paidAt });
        }
      }
      const asOf = addDays('2025-01-06', Math.floor(rand() * 70));
      const all = evaluateSettlements(settlements, payouts, { asOf, timeZone: zone });
      for (const s of all) {
        const own = payouts
          .filter((p) => p.settlementId === s.settlementId)
          .map((p, i) => ({ p, i }))
          .sort((x, y) => Date.parse(x.p.paidAt) - Date.parse(y.p.paidAt) || x.i - y.i)
          .filter(({ p }) => toLocalDate(p.paidAt, zone) <= asOf);
        let last: string | null = null;
        for (const { p } of own) if (last === null || Date.parse(p.paidAt) > Date.parse(last)) last = p.paidAt;
        expect(s.lastPayoutAt).toBe(last);
        expect(s.periodEndDate).toBe(toLocalDate(new Date(Date.parse(s.periodEnd) - 1), zone));
      }
      let lastMs = -Infinity;
      let figureLast: string | null = null;
      for (const s of all) {
        if (s.lastPayoutAt !== null && Date.parse(s.lastPayoutAt) > lastMs) {
          lastMs = Date.parse(s.lastPayoutAt);
          figureLast = s.lastPayoutAt;
        }
      }
      expect(trustFigures(all, asOf).lastPayoutAt).toBe(figureLast);
    }
  });
});
