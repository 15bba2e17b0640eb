import { describe, expect, it } from 'vitest';
import { buildTrustReport, type TrustPayout, type TrustSettlement, type TrustFigures } from '../../shared/domain/trust';
import { addDays, localToInstant } from '../../shared/domain/time';

/** mulberry32: a small seeded PRNG, so failures reproduce. */
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

const TZS = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Europe/Berlin'];

function randomLedger(rand: () => number, producerIds: number[], firstId: number, tz: string) {
  const int = (n: number) => Math.floor(rand() * n);
  const settlements: TrustSettlement[] = [];
  const payouts: TrustPayout[] = [];
  let id = firstId;
  for (const producerId of producerIds) {
    const weeks = int(30);
    for (let w = 0; w < weeks; w++) {
      const endDate = addDays('2026-01-05', w * 7);
      const dueDate = addDays(endDate, int(4));
      const totalDue = rand() < 0.15 ? 0 : 1 + int(500_000);
      settlements.push({ id, producerId, number: `ST-${id}`, periodEnd: localToInstant(endDate, tz), dueDate, totalDue });
      let left = totalDue;
      const parts = int(4);
      for (let k = 0; k < parts && left > 0; k++) {
        const amount = k === parts - 1 ? left : 1 + int(left);
        left -= amount;
        const day = addDays(endDate, int(20));
        payouts.push({ settlementId: id, amount, paidAt: localToInstant(day, tz, int(24), int(60)) });
      }
      id += 1;
    }
  }
  return { settlements, payouts };
}

function checkIdentity(f: TrustFigures) {
  expect(f.onTime + f.late + f.overdue + f.notYetDue).toBe(f.due);
  expect(f.due + f.zeroTotal).toBe(f.settlements);
  if (f.onTimeRateBps !== null) {
    expect(f.onTimeRateBps).toBeGreaterThanOrEqual(0);
    expect(f.onTimeRateBps).toBeLessThanOrEqual(10_000);
    expect(Number.isInteger(f.onTimeRateBps)).toBe(true);
    expect(f.onTimeRate!.numerator).toBeLessThanOrEqual(f.onTimeRate!.denominator);
  } else {
    expect(f.onTime + f.late + f.overdue).toBe(0);
  }
  expect(f.totalPaid + f.outstanding).toBe(f.totalOwed);
}

describe('trust ledger properties (seeded random ledgers)', () => {
  it('rate within [0, 1]; on time + late + overdue + not yet due = settlements due; unrelated producers change nothing', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rand = prng(seed);
      const tz = TZS[seed % TZS.length]!;
      const mine = randomLedger(rand, [1, 2, 3], 1, tz);
      const asOf = addDays('2026-01-05', Math.floor(rand() * 260));
      const from = rand() < 0.5 ? undefined : addDays(asOf, -Math.floor(rand() * 200));
      const opts = { asOf, timeZone: tz, from, producerIds: [1, 2, 3] };
      const alone = buildTrustReport(mine.settlements, mine.payouts, opts);
      for (const f of [alone.store.range, alone.store.allTime, ...alone.producers.flatMap((p) => [p.range, p.allTime]), ...alone.store.trend]) {
        checkIdentity(f);
      }
      // store-wide counts are the sums of the producers'
      expect(alone.producers.reduce((n, p) => n + p.range.onTime, 0)).toBe(alone.store.range.onTime);
      expect(alone.producers.reduce((n, p) => n + p.allTime.outstanding, 0)).toBe(alone.store.allTime.outstanding);

      const others = randomLedger(rand, [7, 8], 10_000, tz);
      const withOthers = buildTrustReport(
        [...others.settlements, ...mine.settlements],
        [...mine.payouts, ...others.payouts],
        { ...opts, producerIds: [1, 2, 3, 7, 8] },
      );
      for (const id of [1, 2, 3]) {
        expect(withOthers.producers.find((p) => p.producerId === id)).toEqual(alone.producers.find((p) => p.producerId === id));
      }
    }
  });
});
