/**
 * The shop's days: from the seed, every event of five years (sales with a daily
 * and weekly rhythm, voids, refunds, intakes, returns, counts, weekly
 * settlements and their payouts), handed in time order to a sink.
 */
import { Rng } from './prng';
import type { Scale } from './scale';
import { addDaysLocal, termsOn, type World } from './world';
import { localInstant, type PaymentReq, type Sink, type SettlementMade } from './sink';

export interface Staff {
  managerId: number;
  cashiers: { id: number; pin: string }[];
}

interface RecentSale {
  id: string;
  day: number;
  lines: { saleLineId: number; quantity: number; refunded: number }[];
  voided: boolean;
  method: 'cash' | 'qris' | 'transfer';
}

interface TimedEvent {
  at: number;
  run: () => void;
}

// Hours 06–20 (the shop opens 06:00, closes 21:00): busy mornings and late afternoons.
const HOUR_WEIGHTS = [0.5, 1.2, 1.3, 1.0, 0.8, 0.9, 1.0, 0.7, 0.6, 0.8, 1.2, 1.4, 1.3, 1.0, 0.5];
const HOUR_CUM = (() => {
  let s = 0;
  return HOUR_WEIGHTS.map((w) => (s += w));
})();
// Pasar (market) days Monday and Thursday; Friday is quieter (Friday prayers); weekends busier.
const WEEKDAY_FACTOR = [0, 1.5, 0.95, 1.0, 1.5, 0.85, 1.2, 1.1]; // index = ISO weekday
const LINES_PER_SALE = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 8]; // mean ≈ 2.5
const MEAN_LINES_PER_SALE = LINES_PER_SALE.reduce((a, b) => a + b, 0) / LINES_PER_SALE.length;

export const isoWeekdayOf = (localDate: string) => {
  const d = new Date(`${localDate}T00:00:00.000Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

export interface ShopStats {
  sales: number;
  lines: number;
  voids: number;
  refunds: number;
  intakes: number;
  returns: number;
  counts: number;
  settlements: number;
  payouts: number;
  latePayouts: number;
  partialPayouts: number;
  coreCalls: number;
}

export interface ShopPlan {
  startLocalDate: string;
  totalDays: number;
  /** first day handled by the core sink */
  coreStartDay: number;
}

export function planOf(scale: Scale): ShopPlan {
  const totalWeeks = scale.settledWeeks + scale.openWeeks;
  const startLocalDate = addDaysLocal(scale.endLocalDate, -7 * totalWeeks);
  return { startLocalDate, totalDays: totalWeeks * 7, coreStartDay: (scale.settledWeeks - scale.coreWeeks) * 7 };
}

/**
 * Runs the whole history. `sinkFor(day)` says which sink takes a day; when it
 * changes, `onSwitch` lets the caller finish the old one.
 */
export function runShop(options: {
  scale: Scale;
  seed: number;
  world: World;
  staff: Staff;
  sinkFor: (day: number) => Sink;
  onSwitch?: (from: Sink, to: Sink) => void;
  onDayDone?: (day: number, sink: Sink) => void;
  progress?: (day: number, totalDays: number, stats: ShopStats) => void;
}): ShopStats {
  const { scale, world, staff } = options;
  const plan = planOf(scale);
  const rng = new Rng(options.seed);
  const stats: ShopStats = { sales: 0, lines: 0, voids: 0, refunds: 0, intakes: 0, returns: 0, counts: 0, settlements: 0, payouts: 0, latePayouts: 0, partialPayouts: 0, coreCalls: 0 };
  const onHand = new Int32Array(world.products.length + 1);
  const productsOf = new Map<number, number[]>();
  for (const p of world.products) productsOf.set(p.producerId, [...(productsOf.get(p.producerId) ?? []), p.id]);
  const payoutsByDay = new Map<number, { made: SettlementMade; amount: number; hour: number; late: boolean }[]>();
  let recent: RecentSale[] = [];

  // Day factors, normalised so the history averages `linesPerDay`.
  const factors: number[] = [];
  for (let day = 0; day < plan.totalDays; day++) {
    const date = addDaysLocal(plan.startLocalDate, day);
    const years = day / 365;
    const season = 1 + 0.12 * Math.sin((2 * Math.PI * day) / 365.25 + 1.3);
    factors.push(WEEKDAY_FACTOR[isoWeekdayOf(date)]! * (1 + 0.08 * years) * season);
  }
  const meanFactor = factors.reduce((a, b) => a + b, 0) / factors.length;
  const weeklyUnits = new Float64Array(world.products.length + 1);
  const totalWeight = world.products.reduce((a, p) => a + p.weight, 0);
  for (const p of world.products) weeklyUnits[p.id] = ((scale.linesPerDay * 7 * p.weight) / totalWeight) * 1.35;

  let current: Sink | null = null;
  let receiptRef = 0;

  const pickHour = () => {
    const t = rng.next() * HOUR_CUM[HOUR_CUM.length - 1]!;
    let h = 0;
    while (HOUR_CUM[h]! < t) h++;
    return 6 + h + rng.next();
  };

  const tender = (total: number): PaymentReq => {
    const r = rng.next();
    if (r < 0.7) {
      if (rng.chance(0.3)) return { method: 'cash', tendered: total };
      const note = [5000, 10000, 20000, 50000, 100000].find((n) => n >= total) ?? Math.ceil(total / 100000) * 100000;
      return { method: 'cash', tendered: rng.chance(0.5) ? note : Math.ceil(total / 5000) * 5000 };
    }
    receiptRef++;
    if (r < 0.95) return { method: 'qris', reference: `QR${receiptRef}` };
    return { method: 'transfer', reference: `TRF${receiptRef}` };
  };

  for (let day = 0; day < plan.totalDays; day++) {
    const sink = options.sinkFor(day);
    if (current && current !== sink) options.onSwitch?.(current, sink);
    current = sink;
    sink.begin();
    const date = addDaysLocal(plan.startLocalDate, day);
    const weekday = isoWeekdayOf(date);
    const week = Math.floor(day / 7);
    const events: TimedEvent[] = [];
    const at = (hour: number) => localInstant(date, hour);

    // Monday 05:30: the week that ended at midnight is settled.
    if (weekday === 1 && day > 0 && week <= scale.settledWeeks) {
      const made = sink.finalize(at(0), at(5.5));
      stats.settlements += made.length;
      for (const m of made) {
        if (m.totalDue <= 0) continue;
        const producer = world.producers[m.producerId - 1]!;
        const dueDay = day + Math.round((Date.parse(`${m.dueDate}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
        const schedule = (d: number, amount: number, late: boolean) => {
          const list = payoutsByDay.get(d) ?? [];
          list.push({ made: m, amount, hour: 9 + rng.next() * 8, late });
          payoutsByDay.set(d, list);
        };
        if (rng.chance(0.03)) {
          const first = Math.max(100, Math.floor((m.totalDue * (0.5 + rng.next() * 0.3)) / 100) * 100);
          if (first < m.totalDue) {
            stats.partialPayouts++;
            schedule(dueDay - rng.int(0, 1), first, false);
            schedule(dueDay + rng.int(3, 20), m.totalDue - first, true);
            continue;
          }
        }
        // A few are paid very late (a hard month): some of the last ones are still overdue at the end.
        if (rng.chance(0.01)) schedule(dueDay + rng.int(25, 60), m.totalDue, true);
        else if (rng.chance(producer.lateChance)) schedule(dueDay + rng.int(1, 12), m.totalDue, true);
        else schedule(dueDay - rng.int(0, 1), m.totalDue, false);
      }
    }

    const cashier = staff.cashiers[day % staff.cashiers.length]!;
    let shiftId = 0;
    events.push({ at: at(5.75), run: () => (shiftId = sink.openShift(at(5.75), cashier.id, 200_000)) });

    for (const p of payoutsByDay.get(day) ?? []) {
      const producer = world.producers[p.made.producerId - 1]!;
      const t = at(p.hour);
      events.push({
        at: t,
        run: () => {
          sink.payout(
            {
              id: rng.uuid(),
              settlementId: p.made.settlementId,
              producerId: p.made.producerId,
              amount: p.amount,
              method: producer.payoutMethod === 'cash' ? 'cash_safe' : producer.payoutMethod,
              reference: producer.payoutMethod === 'cash' ? '' : `REF${p.made.settlementId}-${p.amount}`,
              paidAt: t,
              receiverName: producer.name,
            },
            t,
          );
          stats.payouts++;
          if (p.late) stats.latePayouts++;
        },
      });
    }
    payoutsByDay.delete(day);

    // Deliveries: each producer on their weekday tops their goods up; every fourth week expired goods go back first.
    for (const producer of world.producers) {
      if (producer.deliveryWeekday !== weekday || producer.startDay > day) continue;
      const t = at(7 + rng.next() * 3);
      const ids = productsOf.get(producer.id) ?? [];
      if (week % 4 === 2) {
        events.push({
          at: t - 60_000,
          run: () => {
            const lines = ids
              .filter((id) => world.products[id - 1]!.perishable && onHand[id]! > 2)
              .map((id) => ({ productId: id, quantity: Math.min(onHand[id]! - 1, rng.int(1, 3)), reason: 'expired' as const }));
            if (!lines.length) return;
            sink.returnGoods(producer.id, t - 60_000, lines);
            for (const l of lines) onHand[l.productId]! -= l.quantity;
            stats.returns++;
          },
        });
      }
      events.push({
        at: t,
        run: () => {
          const lines = ids
            .map((id) => ({ productId: id, quantity: Math.ceil(weeklyUnits[id]!) + 3 - onHand[id]!, perishable: world.products[id - 1]!.perishable }))
            .filter((l) => l.quantity > 0)
            .map((l) => ({ productId: l.productId, quantity: l.quantity, ...(l.perishable ? { expiryDate: addDaysLocal(date, 6) } : {}) }));
          if (!lines.length) return;
          sink.intake(producer.id, t, lines);
          for (const l of lines) onHand[l.productId]! += l.quantity;
          stats.intakes++;
        },
      });
    }

    // Sales.
    const meanLines = (scale.linesPerDay * factors[day]!) / meanFactor;
    const salesToday = rng.poisson(meanLines / MEAN_LINES_PER_SALE);
    for (let i = 0; i < salesToday; i++) {
      const t = at(pickHour());
      const n = Math.min(rng.pick(LINES_PER_SALE), world.products.length);
      const chosen = new Set<number>();
      for (let tries = 0; chosen.size < n && tries < 50; tries++) {
        const id = world.picker.pick(rng) + 1;
        if (world.producers[world.products[id - 1]!.producerId - 1]!.startDay <= day) chosen.add(id);
      }
      const lines = [...chosen].map((productId) => {
        const r = rng.next();
        const quantity = r < 0.75 ? 1 : r < 0.92 ? 2 : r < 0.98 ? 3 : rng.int(4, 6);
        const price = termsOn(world.products[productId - 1]!, date).retailPrice;
        const discount = rng.chance(0.01) ? Math.floor((price * quantity) / 1000) * 100 : 0;
        return { productId, quantity, discount };
      });
      const total = lines.reduce((s, l) => s + termsOn(world.products[l.productId - 1]!, date).retailPrice * l.quantity - l.discount, 0);
      const payment = tender(total);
      const id = rng.uuid();
      const voidIt = rng.chance(0.004);
      const voidAt = t + rng.int(60, 600) * 1000;
      events.push({
        at: t,
        run: () => {
          const { lineIds } = sink.sale({ id, at: t, shiftId, cashierId: cashier.id, lines, payment });
          stats.sales++;
          stats.lines += lines.length;
          for (const l of lines) onHand[l.productId]! -= l.quantity;
          recent.push({ id, day, lines: lineIds.map((saleLineId, k) => ({ saleLineId, quantity: lines[k]!.quantity, refunded: 0 })), voided: false, method: payment.method });
        },
      });
      if (voidIt) {
        events.push({
          at: voidAt,
          run: () => {
            const s = recent.find((r) => r.id === id)!;
            sink.voidSale(id, voidAt, shiftId, 'salah input / wrong item');
            s.voided = true;
            for (let k = 0; k < s.lines.length; k++) onHand[lines[k]!.productId]! += lines[k]!.quantity;
            stats.voids++;
          },
        });
      }
    }

    // Refunds of sales from the last days: a customer brings something back.
    const refundsToday = rng.poisson(salesToday * 0.003);
    for (let i = 0; i < refundsToday; i++) {
      const t = at(9 + rng.next() * 11);
      events.push({
        at: t,
        run: () => {
          const candidates = recent.filter((r) => r.day < day && !r.voided && r.lines.some((l) => l.quantity > l.refunded));
          if (!candidates.length) return;
          const s = rng.pick(candidates);
          const line = rng.pick(s.lines.filter((l) => l.quantity > l.refunded));
          const q = rng.int(1, line.quantity - line.refunded);
          const restock = rng.chance(0.5);
          sink.refund({ id: rng.uuid(), saleId: s.id, at: t, shiftId, lines: [{ saleLineId: line.saleLineId, quantity: q }], restock, method: s.method, reason: 'rusak / damaged' });
          line.refunded += q;
          stats.refunds++;
        },
      });
    }

    // Every fourth Sunday evening, after closing: stock count (stok opname) of every product.
    if (weekday === 7 && week % 4 === 3) {
      events.push({
        at: at(21.5),
        run: () => {
          const lines = world.products.map((p) => {
            const expected = onHand[p.id]!;
            const r = rng.next();
            const started = world.producers[p.producerId - 1]!.startDay <= day;
            const counted = !started ? Math.max(0, expected) : Math.max(0, r < 0.05 ? expected - rng.int(1, 2) : r < 0.07 ? expected + 1 : expected);
            return { productId: p.id, expected, counted, reason: counted < expected ? 'hilang / missing' : counted > expected ? 'lebih / surplus' : '' };
          });
          sink.count(at(21.5), lines);
          for (const l of lines) onHand[l.productId] = l.counted;
          stats.counts++;
        },
      });
    }

    events.push({ at: at(21.25), run: () => sink.closeShift(shiftId, at(21.25), cashier.id) });

    events.sort((a, b) => a.at - b.at);
    for (const e of events) e.run();
    options.onDayDone?.(day, sink);
    if (day % 7 === 6) sink.flush();
    recent = recent.filter((r) => r.day > day - 7);
    if (options.progress && day % 28 === 27) options.progress(day + 1, plan.totalDays, stats);
  }
  current?.flush();
  return stats;
}
