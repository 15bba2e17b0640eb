/**
 * The demo store's trading history: staff, daily shifts with sales, voids and
 * refunds, weekly settlements and the payouts to each producer — some on
 * time, some late, one in two parts, one producer the shop is behind with now
 * and one settlement partly paid. Everything is written through the app's own
 * dispatcher's batch entry point (dispatch.ts: inputs parsed by the
 * contract, kinds checked), each with a clock stopped at
 * the moment it happened, so the history is exactly what the app would have
 * recorded. Deterministic: a seeded random generator, so the same "now" gives
 * the same store. Runs inside setup.complete's transaction, after the
 * catalogue and deliveries of seed.ts, and only writes the past (yesterday and
 * before): today starts with no open shift.
 */
import crypto from 'node:crypto';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { dispatchInBatch } from '../dispatch';
import type { Sale } from '../../../shared/contract/till';
import type { SettlementSummary } from '../../../shared/contract/ledger';
import { addDays, isoWeekday, localToInstant, toLocalDate } from '../../../shared/domain/time';
import type { CoreContext } from '../context';
import { termsAt } from '../catalogue/terms';
import { createReturn } from '../stock/returns';
import { readSettings } from '../settings';
import { settlementHandlers } from '../settlement/handlers';
import { tillHandlers } from '../till/handlers';
import { DEMO_CASHIER, DEMO_MANAGER } from '../../../shared/domain/demo';
import { DEMO_PRODUCERS, DEMO_WEEKS } from './data';

/** The demo's staff and PINs (shared/domain/demo.ts: the first-run screen and the README show them). */
export { DEMO_CASHIER, DEMO_CASHIER_PIN, DEMO_MANAGER, DEMO_MANAGER_PIN } from '../../../shared/domain/demo';

const handlers = { ...tillHandlers, ...settlementHandlers };
type DemoMethod = keyof typeof handlers & MethodName;

/** One step of the history through the dispatcher's batch entry point (validated, kind-checked, in setup's transaction). */
function call<M extends DemoMethod>(name: M, raw: MethodInput<M>, ctx: CoreContext): MethodOutput<M> {
  return dispatchInBatch(handlers, name, raw, ctx) as MethodOutput<M>;
}

/** mulberry32: small, fast, and the same sequence everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = (8 + int(0, 3)).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, uuid, chance: (p: number) => next() < p };
}

/**
 * PIN checks cost ~50 ms each (scrypt, N = 2^14) and the history makes about
 * 150 of them (every shift, void, refund, finalise and payout). While it runs,
 * the demo staff carry a cheap scrypt hash of the SAME PIN (the stored format
 * names its own cost); their real hashes from staff.create are put back after.
 */
function withFastPins<T>(ctx: CoreContext, staff: { id: number; pin: string }[], run: () => T): T {
  const get = ctx.db.prepare('SELECT pin_hash FROM staff WHERE id = ?');
  const set = ctx.db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?');
  const saved = staff.map((s) => ({ id: s.id, hash: (get.get(s.id) as { pin_hash: string }).pin_hash }));
  for (const s of staff) {
    const salt = crypto.randomBytes(16);
    const hash = crypto.scryptSync(s.pin, salt, 32, { N: 256, r: 8, p: 1 });
    set.run(`scrypt$256$8$1$${salt.toString('hex')}$${hash.toString('hex')}`, s.id);
  }
  try {
    return run();
  } finally {
    for (const s of saved) set.run(s.hash, s.id);
  }
}

interface ProducerRow {
  id: number;
  name: string;
  short_name: string;
  payout_method: 'cash' | 'transfer' | 'ewallet';
  payout_provider: string;
  payout_account_name: string;
}
interface ProductRow {
  id: number;
  producer_id: number;
  perishable: number;
  short_code: string;
}
interface Event {
  at: number;
  order: number;
  run(): void;
}
interface SaleRecord {
  sale: Sale;
  at: number;
  day: number;
  voided: boolean;
  refunded: boolean;
}

const MINUTE = 60_000;

/**
 * How the shop pays each producer, by the producer's place in the demo data,
 * for the settlement `k` weeks before the latest finalised one (k = 0: latest).
 * Returns the payouts as [days after the period's last day, local hour, share
 * of the total in percent]; what they leave is still unpaid. The due date is
 * the period's last day + 2 (the store's payment term).
 */
function payoutPlan(producerIndex: number, k: number, week: number): [number, number, number][] {
  switch (producerIndex) {
    case 0: // Bu Siti collects her money every Tuesday afternoon, from the drawer.
      return [[2, 15, 100]];
    case 1: // Pak Slamet: bank transfer on Monday; once the transfer failed and went out on Thursday.
      return week === 1 ? [[4, 14, 100]] : [[1, 13, 100]];
    case 2: // Sri Rejeki: DANA on Monday; once four days late.
      return week === 2 ? [[6, 11, 100]] : [[1, 11, 100]];
    case 3: // Mekar Sari: the shop is behind with them — the last two weeks unpaid, earlier ones late.
      if (k <= 1) return [];
      if (k === 2) return [[8, 15, 100]];
      return week % 2 === 0 ? [[2, 15, 100]] : [[3, 9, 100]];
    case 4: // Mbah Darmi's grandchild collects on Tuesday; sometimes only on Wednesday.
      return week === 1 || week === 4 ? [[3, 16, 100]] : [[2, 16, 100]];
    default: // Barokah: GoPay on Monday; once in two parts (the second late), and the latest only partly paid.
      if (k === 0) return [[1, 11, 60]];
      if (week === 1) return [[1, 11, 50], [4, 17, 100]];
      return [[1, 11, 100]];
  }
}

export function seedDemoHistory(ctx: CoreContext): void {
  const { db } = ctx;
  const tz = ctx.timeZone();
  const today = toLocalDate(ctx.now(), tz);
  const start = addDays(today, -DEMO_WEEKS * 7);
  // Who is at the till: the manager once she exists, the shift's owner while a shift is open.
  let acting: CoreContext['actor'] = null;
  const at = (ms: number): CoreContext => ({ ...ctx, now: () => new Date(ms), actor: acting });
  const local = (date: string, hour: number, minute = 0) => Date.parse(localToInstant(date, tz, hour, minute));
  const rnd = prng(0x4b544d);
  const settings = readSettings(db);

  const t0 = local(start, 6, 45);
  const manager = call('staff.create', { name: DEMO_MANAGER.name, role: 'manager', pin: DEMO_MANAGER.pin }, at(t0));
  const managerApproval: { staffId: number; pin: string } = { staffId: manager.id, pin: DEMO_MANAGER.pin };
  acting = manager;
  const cashier = call(
    'staff.create',
    { name: DEMO_CASHIER.name, role: 'cashier', pin: DEMO_CASHIER.pin, approval: managerApproval },
    at(t0 + MINUTE),
  );
  const members = { manager, cashier };
  const staffAuth = { manager: managerApproval, cashier: { staffId: cashier.id, pin: DEMO_CASHIER.pin as string } };

  const producers = db.prepare('SELECT id, name, short_name, payout_method, payout_provider, payout_account_name FROM producers ORDER BY id').all() as ProducerRow[];
  const products = db.prepare('SELECT id, producer_id, perishable, short_code FROM products WHERE active = 1 ORDER BY id').all() as ProductRow[];
  const movements = db.prepare('SELECT product_id, quantity, occurred_at FROM stock_movements ORDER BY occurred_at, id').all() as {
    product_id: number;
    quantity: number;
    occurred_at: string;
  }[];

  // Stock on hand as the history goes: earlier movements (deliveries, the return) plus what the history sells.
  const onHand = new Map<number, number>(products.map((p) => [p.id, 0]));
  let nextMovement = 0;
  const stockAt = (ms: number) => {
    const iso = new Date(ms).toISOString();
    while (nextMovement < movements.length && movements[nextMovement]!.occurred_at <= iso) {
      const m = movements[nextMovement++]!;
      onHand.set(m.product_id, (onHand.get(m.product_id) ?? 0) + m.quantity);
    }
  };
  const moveStock = (productId: number, qty: number) => onHand.set(productId, (onHand.get(productId) ?? 0) + qty);
  // Salted eggs keep about ten days, and the village buys fewer than are brought: some go past their date
  // (the expiry list and the return of expired goods have something to show).
  const weeklyCap = new Map<number, number>();
  // The insight story (data.ts `story`): one product the village wants far more of than comes (picked ten times as
  // often, gone days before the next delivery), one that few buy (two a week) and goes back expired at each delivery.
  const pickWeight = new Map<number, number>();
  const expiring: { productId: number; producerIndex: number; shelfDays: number }[] = [];
  for (const p of products) {
    const data = DEMO_PRODUCERS.flatMap((d) => d.products).find((d) => d.shortCode === p.short_code);
    if (data?.shelfDays !== undefined && data.shelfDays <= 12) weeklyCap.set(p.id, Math.floor(data.weeklyUnits * 0.85));
    if (data?.story === 'sellsOut') pickWeight.set(p.id, 10);
    if (data?.story === 'expires') {
      weeklyCap.set(p.id, 2);
      expiring.push({ productId: p.id, producerIndex: DEMO_PRODUCERS.findIndex((d) => d.products.includes(data)), shelfDays: data.shelfDays ?? 0 });
    }
  }
  const weightOf = (p: ProductRow) => ((onHand.get(p.id) ?? 0) - 1) * (pickWeight.get(p.id) ?? 1);
  const soldInWeek = new Map<string, number>();
  const room = (productId: number, day: number) => {
    const cap = weeklyCap.get(productId);
    return cap === undefined ? Infinity : cap - (soldInWeek.get(`${productId}:${Math.floor(day / 7)}`) ?? 0);
  };

  const events: Event[] = [];
  const sales: SaleRecord[] = [];
  let shiftId = 0;
  let opener = members.cashier;

  const roundUp = (v: number, step: number) => Math.ceil(v / step) * step;
  const tenderFor = (total: number) => {
    const r = rnd.next();
    if (r < 0.3) return total;
    if (r < 0.6) return roundUp(total, 5_000);
    if (r < 0.85) return roundUp(total, 10_000);
    return roundUp(total, 50_000);
  };

  const sell = (ms: number, day: number, date: string, voidAfter: boolean) => {
    stockAt(ms);
    const lineCount = rnd.chance(0.6) ? 1 : rnd.chance(0.75) ? 2 : rnd.int(3, 4);
    const lines: { productId: number; quantity: number; discount: number }[] = [];
    let total = 0;
    for (let i = 0; i < lineCount; i++) {
      // Pick a product in proportion to what is on the shelf; leave the last unit of each on it.
      const stocked = products.filter((p) => (onHand.get(p.id) ?? 0) > 1 && room(p.id, day) > 0 && !lines.some((l) => l.productId === p.id));
      const weight = stocked.reduce((s, p) => s + weightOf(p), 0);
      if (weight === 0) break;
      let pick = rnd.next() * weight;
      const product = stocked.find((p) => (pick -= weightOf(p)) < 0) ?? stocked[stocked.length - 1]!;
      const free = Math.min((onHand.get(product.id) ?? 0) - 1, room(product.id, day));
      const quantity = Math.min(free, rnd.chance(0.8) ? 1 : rnd.chance(0.75) ? 2 : rnd.int(3, 6));
      const price = termsAt(db, product.id, date)?.retailPrice;
      if (price === undefined) continue;
      const gross = price * quantity;
      // Now and then a small discount for a bigger buy, well below the store's limit.
      const discount = gross >= 20_000 && rnd.chance(0.25) ? Math.floor((gross * Math.min(500, settings.discountLimitBps)) / 10_000 / 500) * 500 : 0;
      lines.push({ productId: product.id, quantity, discount });
      total += gross - discount;
    }
    if (lines.length === 0) return;
    const r = rnd.next();
    const payment =
      r < 0.72
        ? ({ method: 'cash', tendered: tenderFor(total) } as const)
        : r < 0.93
          ? ({ method: 'qris', reference: `QRIS ${rnd.int(100000, 999999)}` } as const)
          : ({ method: 'transfer', reference: `TRF ${rnd.int(1000, 9999)}` } as const);
    const sale = call('sales.create', { id: rnd.uuid(), shiftId, lines, payment }, at(ms));
    for (const l of sale.lines) {
      moveStock(l.productId, -l.quantity);
      const key = `${l.productId}:${Math.floor(day / 7)}`;
      soldInWeek.set(key, (soldInWeek.get(key) ?? 0) + l.quantity);
    }
    const record: SaleRecord = { sale, at: ms, day, voided: false, refunded: false };
    sales.push(record);
    if (voidAfter) {
      const reason = rnd.chance(0.5) ? 'Salah scan barang, transaksi diulang' : 'Pembeli batal, uang dikembalikan';
      call('sales.void', { saleId: sale.id, reason, approval: staffAuth.manager }, at(ms + 40_000));
      for (const l of sale.lines) moveStock(l.productId, l.quantity);
      record.voided = true;
    }
  };

  const refund = (ms: number, day: number) => {
    const candidates = sales.filter((s) => !s.voided && !s.refunded && s.day < day && s.day >= day - 4);
    if (candidates.length === 0) return;
    const record = candidates[rnd.int(0, candidates.length - 1)]!;
    const line = record.sale.lines[0]!;
    const perishable = products.find((p) => p.id === line.productId)?.perishable === 1;
    const reason = perishable ? 'Telur retak/bau saat dibuka pembeli' : 'Kemasan bocor, keripik melempem';
    call(
      'sales.refund',
      { id: rnd.uuid(), saleId: record.sale.id, lines: [{ saleLineId: line.id, quantity: 1 }], restock: false, reason, approval: staffAuth.manager },
      at(ms),
    );
    record.refunded = true;
  };

  // Every day until yesterday: a shift, the day's sales, now and then a void or a refund.
  const days = DEMO_WEEKS * 7;
  for (let day = 0; day < days; day++) {
    const date = addDays(start, day);
    if (date >= today) break;
    const weekend = isoWeekday(date) >= 6;
    const openAt = local(date, 7, rnd.int(0, 10));
    const closeAt = local(date, 21, rnd.int(0, 15));
    const byManager = isoWeekday(date) === 7; // Wulan's day off: Bu Rina keeps the till.
    events.push({
      at: openAt,
      order: 0,
      run: () => {
        opener = byManager ? members.manager : members.cashier;
        acting = opener;
        shiftId = call('shifts.open', { openingFloat: weekend ? 300_000 : 200_000 }, at(openAt)).id;
      },
    });
    const count = rnd.int(weekend ? 16 : 10, weekend ? 30 : 22);
    const minutes = new Set<number>();
    while (minutes.size < count) minutes.add(rnd.int(20, 13 * 60 + 30)); // 07:20–20:30
    const times = [...minutes].sort((a, b) => a - b);
    const voidAt = rnd.chance(0.22) ? rnd.int(0, times.length - 1) : -1;
    times.forEach((m, i) => {
      const ms = local(date, 7) + m * MINUTE;
      events.push({ at: ms, order: 1, run: () => sell(ms, day, date, i === voidAt) });
    });
    if (day >= 2 && rnd.chance(0.18)) {
      const ms = local(date, 11, rnd.int(0, 50));
      events.push({ at: ms + 30_000, order: 2, run: () => refund(ms + 30_000, day) });
    }
    events.push({
      at: closeAt,
      order: 9,
      run: () => {
        const x = call('shifts.xReport', { shiftId }, at(closeAt));
        const r = rnd.next();
        const variance = r < 0.8 ? 0 : [-500, -1_000, -2_000, 500, -5_000][rnd.int(0, 4)]!;
        call('shifts.close', { shiftId, countedCash: Math.max(0, x.expectedCash + variance) }, at(closeAt));
        acting = members.manager;
      },
    });
  }

  // The product that mostly expires: at each delivery the producer takes back what is left of the last one, past its date.
  for (const e of expiring) {
    const producer = DEMO_PRODUCERS[e.producerIndex]!;
    for (let week = 1; week < DEMO_WEEKS; week++) {
      const date = addDays(start, week * 7 + producer.deliveryDay);
      if (date >= today) break;
      const ms = local(date, 8, 0); // just before the new delivery (seed.ts: from 08:00 on)
      const lastDelivery = addDays(date, -7);
      events.push({
        at: ms,
        order: 2,
        run: () => {
          stockAt(ms);
          const quantity = onHand.get(e.productId) ?? 0;
          if (quantity <= 0) return;
          const producerId = producers.find((p) => p.short_name === producer.shortName)!.id;
          createReturn(at(ms), {
            producerId,
            receivedBy: producer.deliveredBy,
            notes: 'Sisa kiriman minggu lalu, sudah lewat tanggal',
            lines: [{ productId: e.productId, quantity, reason: 'expired', expiryDate: addDays(lastDelivery, e.shelfDays) }],
          });
          moveStock(e.productId, -quantity);
        },
      });
    }
  }

  // A deduction and an adjustment, each with its reason.
  const byIndex = (i: number) => producers.find((p) => p.short_name === DEMO_PRODUCERS[i]?.shortName) ?? producers[i]!;
  // Late in a week, when the producer has sold enough since the last settlement to carry the deduction.
  const fridayFrom = (day: number) => {
    let date = addDays(start, day);
    while (isoWeekday(date) !== 5) date = addDays(date, 1);
    return date;
  };
  const deductAt = local(fridayFrom(14), 16, 5);
  const adjustAt = local(addDays(fridayFrom(21), 1), 14, 20);
  const deduct = { producerId: byIndex(2).id, amount: 12_000, reason: 'Biaya plastik kemasan ulang (60 lembar)', approval: staffAuth.manager };
  const adjust = { producerId: byIndex(1).id, amount: 4_500, reason: 'Koreksi: 1 telur pecah di rak toko, ditanggung toko', approval: staffAuth.manager };
  if (deductAt < local(today, 0)) events.push({ at: deductAt, order: 3, run: () => void call('ledger.deduct', deduct, at(deductAt)) });
  if (adjustAt < local(today, 0)) events.push({ at: adjustAt, order: 3, run: () => void call('ledger.adjust', adjust, at(adjustAt)) });

  // Each week's period finalised the next morning; payouts follow each producer's habits.
  const periodEnds: string[] = [];
  for (let day = 0; day < days; day++) {
    const date = addDays(start, day);
    if (isoWeekday(date) === settings.periodEndWeekday) periodEnds.push(date);
  }
  const periods = periodEnds
    .map((periodEnd) => {
      const info = call('settlements.period', { periodEnd }, at(local(start, 6)));
      return { periodEnd, finaliseMs: Date.parse(info.periodEndInstant) + 8.5 * 60 * MINUTE }; // the next morning, 08:30
    })
    .filter((p) => p.finaliseMs < local(today, 0));
  periods.forEach((period, week) => {
    const k = periods.length - 1 - week;
    events.push({
      at: period.finaliseMs,
      order: 3,
      run: () => {
        const made = call('settlements.finalize', { periodEnd: period.periodEnd, approval: staffAuth.manager }, at(period.finaliseMs)).settlements;
        for (const s of made) schedulePayouts(s, week, k, period.periodEnd);
      },
    });
  });

  const schedulePayouts = (s: SettlementSummary, week: number, k: number, periodEnd: string) => {
    if (s.totalDue <= 0) return;
    const pi = Math.max(0, DEMO_PRODUCERS.findIndex((p) => p.shortName === s.producer.shortName));
    const producer = producers.find((p) => p.id === s.producer.id)!;
    let paid = 0;
    for (const [afterDays, hour, percent] of payoutPlan(pi, k, week)) {
      const ms = local(addDays(periodEnd, afterDays), hour, rnd.int(0, 40));
      if (ms >= local(today, 0)) break;
      const amount = percent === 100 ? s.totalDue - paid : Math.floor((s.totalDue * percent) / 100 / 1_000) * 1_000;
      if (amount <= 0) continue;
      paid += amount;
      // The producer's own preference; Bu Siti is paid from the drawer (the shift is open 07:00–21:00), other cash from the safe.
      const pref = producer.payout_method;
      const method = pref === 'transfer' || pref === 'ewallet' ? pref : pi === 0 ? 'cash_drawer' : 'cash_safe';
      const reference = method === 'transfer' || method === 'ewallet' ? `${producer.payout_provider} ${rnd.int(100000, 999999)}` : '';
      const receiverName = producer.payout_account_name || DEMO_PRODUCERS[pi]?.deliveredBy || producer.name;
      insertEvent({
        at: ms,
        order: 4,
        run: () =>
          void call(
            'payouts.create',
            { id: rnd.uuid(), settlementId: s.id, producerId: s.producer.id, amount, method, reference, receiverName, approval: staffAuth.manager },
            at(ms),
          ),
      });
    }
  };

  // Payouts are scheduled when their settlement exists, so the queue takes events while it runs.
  const queue = events.sort((a, b) => a.at - b.at || a.order - b.order);
  const insertEvent = (e: Event) => {
    let i = queue.findIndex((q) => q.at > e.at || (q.at === e.at && q.order > e.order));
    if (i < 0) i = queue.length;
    queue.splice(i, 0, e);
  };
  withFastPins(
    ctx,
    [
      { id: manager.id, pin: DEMO_MANAGER.pin },
      { id: cashier.id, pin: DEMO_CASHIER.pin },
    ],
    () => {
      for (let i = 0; i < queue.length; i++) queue[i]!.run();
    },
  );
}
