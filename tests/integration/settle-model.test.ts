/**
 * Model-based test of selling, stock, the producer ledger and weekly
 * settlement (SPEC §3–7), in the manner of TigerBeetle's auditor. From a seed,
 * hundreds of random operations run against the real core on a real SQLite
 * file, every one through the public API (tests/helpers/core.ts: no raw SQL,
 * no fallbacks, no probing). The model in settle-model-world.ts predicts each
 * reply with its own arithmetic: every refusal it expects must be a refusal
 * from the app and every success a success; after every step the balances,
 * unsettled sums, settlement totals and remainders, and stock on hand read
 * back through the API must equal the model's.
 *
 * Refunds and voids are drawn from the current week's sales, so a week goes
 * below zero only when a deduction was taken against sales later refunded.
 *
 * Long runs: SETTLE_MODEL_SEEDS=1,2,3 SETTLE_MODEL_STEPS=2000 npx vitest run tests/integration/settle-model.test.ts
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeTestCore, TestClock, type TestCore } from '../helpers/core';
import { addDays, bpsOf, FIRST_END, latestEnd, lineShare, localDay, refundPart, rng, termsOn, WEEK, World, type MLine, type MProduct, type MTerms, type Rng } from './settle-model-world';

const OPENED = '2026-10-26T02:00:00.000Z'; // Monday 09:00 in Jakarta

/** Calls a method the model expects to succeed (`allowed`) or to be refused, and fails on any disagreement. */
function expectReply<T>(t: Pick<TestCore, 'raw'>, where: string, method: Parameters<TestCore['raw']>[0], input: unknown, allowed: boolean): T | null {
  const reply = t.raw(method, input);
  if (reply.ok !== allowed) {
    const got = reply.ok ? `accepted: ${JSON.stringify(reply.value).slice(0, 200)}` : `refused: ${reply.error.code} ${reply.error.message}`;
    throw new Error(`${where}: the model expected ${method} to be ${allowed ? 'accepted' : 'refused'}, the app ${got}`);
  }
  return reply.ok ? (reply.value as T) : null;
}

function setUpStore(t: TestCore, r: Rng) {
  const producers: number[] = [];
  const products: MProduct[] = [];
  const names = ['Bu Sari', 'Pak Darto', 'Mbok Yem', 'Bu Ani'];
  for (const name of names.slice(0, r.int(3, 4))) {
    const producer = t.ok('producers.create', { name, shortName: name.split(' ')[1]! });
    producers.push(producer.id);
    for (let k = 0; k < r.int(1, 3); k++) {
      const retail = r.int(1, 60) * 250 + r.pick([0, 0, 50, 125]);
      const terms: MTerms = r.chance(0.5)
        ? { from: localDay(Date.parse(OPENED)), retail, mode: 'fixed', producerPrice: retail - r.int(0, Math.floor(retail / 5)), bps: 0 }
        : { from: localDay(Date.parse(OPENED)), retail, mode: 'percent', producerPrice: 0, bps: r.int(0, 3000) };
      const made = t.ok('products.create', {
        producerId: producer.id, name: `${name} produk ${k + 1}`, unit: 'pcs',
        terms: { retailPrice: retail, mode: terms.mode, ...(terms.mode === 'fixed' ? { producerPrice: terms.producerPrice } : { commissionBps: terms.bps }) },
      });
      products.push({ id: made.id, producerId: producer.id, terms: [terms], onHand: 0 });
    }
  }
  return { producers, products };
}

function runModel(seed: number, steps: number) {
  const r = rng(seed);
  const clock = new TestClock(OPENED);
  // The clock jumps days between steps: sessions stay signed in rather than signing in (one scrypt) every step.
  const t = makeTestCore({ clock, sessionIdleMinutes: 10_000_000 });
  const m = t.manager();
  const cashier = t.cashier();
  // The cashier sells on her own shift (SPEC §5); the manager's acts go through t.
  const till = t.asStaff(cashier.staffId, cashier.pin);
  const now = () => clock.now().getTime();
  const counted: Record<string, number> = {};
  const tally = (op: string) => (counted[op] = (counted[op] ?? 0) + 1);
  try {
    const { producers, products } = setUpStore(t, r);
    const w = new World(producers, products, now);
    const limitBps = t.ok('settings.get', {}).discountLimitBps;
    let shiftId = till.ok('shifts.open', { openingFloat: 500_000 }).id;

    const check = (where: string, full: boolean) => {
      const balances = new Map(t.ok('ledger.balances', {}).map((b) => [b.id, b]));
      for (const pid of producers) {
        const b = balances.get(pid)!;
        const unsettled = w.unsettled(pid).reduce((s, e) => s + e.amount, 0);
        expect([b.balance, b.unsettled, b.owedOnSettlements, b.carriedForward], `${where}: producer ${pid} balance, unsettled, owed on settlements, carried`).toEqual([
          w.balance(pid), unsettled, w.owedOnSettlements(pid), w.carried.get(pid) ?? 0,
        ]);
      }
      // Every page of the list, so the paging itself is checked against the model too.
      const first = t.ok('settlements.list', { limit: 7 });
      const listed = new Map(first.rows.map((s) => [s.id, s]));
      for (let offset = 7; offset < first.total; offset += 7) {
        for (const s of t.ok('settlements.list', { limit: 7, offset }).rows) listed.set(s.id, s);
      }
      expect(first.total, `${where}: settlements total`).toBe(w.settlements.length);
      expect(listed.size, `${where}: number of settlements`).toBe(w.settlements.length);
      for (const s of w.settlements) {
        const a = listed.get(s.id);
        expect(a && [a.number, a.producer.id, a.totalDue, a.paid, a.remaining], `${where}: ${s.number}`).toEqual([s.number, s.producerId, s.total, s.paid, s.total - s.paid]);
      }
      const stock = new Map(t.ok('stock.list', { includeInactive: true }).rows.map((row) => [row.productId, row.onHand]));
      for (const p of products) expect(stock.get(p.id), `${where}: stock of product ${p.id}`).toBe(p.onHand);
      if (full) expect(t.ok('ledger.verify', {}).ok, `${where}: ledger.verify`).toBe(true);
    };

    const sell = (where: string) => {
      const chosen = new Set<number>();
      const lines: { productId: number; quantity: number; discount: number }[] = [];
      for (let k = r.int(1, 5); k > 0; k--) {
        const p = r.pick(products);
        if (chosen.has(p.id)) continue;
        chosen.add(p.id);
        const qty = r.int(1, 6);
        const gross = termsOn(p, localDay(now())).retail * qty;
        const discount = r.chance(0.35) ? (r.chance(0.7) ? r.int(0, bpsOf(gross, limitBps)) : r.int(0, gross)) : 0;
        lines.push({ productId: p.id, quantity: qty, discount });
      }
      const priced = lines.map((l) => ({ ...l, terms: termsOn(w.product(l.productId), localDay(now())) }));
      const total = priced.reduce((s, l) => s + l.terms.retail * l.quantity - l.discount, 0);
      const overLimit = priced.some((l) => l.discount > bpsOf(l.terms.retail * l.quantity, limitBps));
      const approve = !overLimit || r.chance(0.75);
      const payment = r.pick([{ method: 'cash' as const, tendered: total + r.int(0, 3) * 5_000 }, { method: 'qris' as const }, { method: 'transfer' as const, reference: `TRF${r.int(1, 9999)}` }]);
      const input = { id: randomUUID(), shiftId, lines, payment, ...(overLimit && approve ? { discountApproval: m } : {}) };
      const sale = expectReply<{ id: string; total: number; lines: { id: number; productId: number; producerShare: number }[] }>(till, where, 'sales.create', input, approve);
      if (!sale) return tally('sale refused (discount over the limit, no approval)');
      expect(sale.total, `${where}: sale total`).toBe(total);
      const mlines: MLine[] = priced.map((l) => {
        const p = w.product(l.productId);
        const share = lineShare(l.terms, l.quantity, l.discount);
        const line = sale.lines.find((x) => x.productId === l.productId)!;
        expect(line.producerShare, `${where}: share of product ${l.productId} (${JSON.stringify(l.terms)}, qty ${l.quantity}, discount ${l.discount})`).toBe(share);
        p.onHand -= l.quantity;
        w.add(p.producerId, share);
        return { lineId: line.id, productId: p.id, producerId: p.producerId, qty: l.quantity, share, refunded: 0 };
      });
      w.sales.push({ id: sale.id, shiftId, at: now(), voided: false, refunds: 0, lines: mlines });
      tally(lines.some((l) => l.discount > 0) ? 'sale with discount' : 'sale');
    };

    const thisWeeksSales = () => w.sales.filter((s) => s.at >= latestEnd(now()));

    const voidSale = (where: string) => {
      const s = r.pick(thisWeeksSales());
      const allowed = !s.voided && s.shiftId === shiftId && s.refunds === 0;
      expectReply(till, where, 'sales.void', { saleId: s.id, reason: 'salah input', approval: m }, allowed);
      if (!allowed) return tally('void refused');
      s.voided = true;
      for (const l of s.lines) {
        w.add(l.producerId, -l.share);
        w.product(l.productId).onHand += l.qty;
      }
      tally('void');
    };

    const refund = (where: string) => {
      const s = r.pick(thisWeeksSales());
      const open = s.lines.filter((l) => l.refunded < l.qty);
      if (!open.length) return;
      const picked = open.filter(() => r.chance(0.6));
      if (!picked.length) picked.push(open[0]!);
      const tooMany = r.chance(0.08);
      const asked = picked.map((l, i) => ({ l, q: tooMany && i === 0 ? l.qty - l.refunded + 1 : r.int(1, l.qty - l.refunded) }));
      const restock = r.chance(0.5);
      const allowed = !s.voided && !tooMany;
      const input = { id: randomUUID(), saleId: s.id, lines: asked.map((a) => ({ saleLineId: a.l.lineId, quantity: a.q })), restock, reason: 'rusak', approval: m };
      expectReply(till, where, 'sales.refund', input, allowed);
      if (!allowed) return tally('refund refused');
      for (const { l, q } of asked) {
        w.add(l.producerId, -refundPart(l.share, l.qty, l.refunded, q));
        l.refunded += q;
        if (restock) w.product(l.productId).onHand += q;
      }
      s.refunds++;
      tally(restock ? 'refund with restock' : 'refund without restock');
    };

    const intake = (where: string) => {
      const p = r.pick(products);
      const q = r.int(5, 40);
      expectReply(t, where, 'intakes.create', { producerId: p.producerId, lines: [{ productId: p.id, quantity: q }] }, true);
      p.onHand += q;
      tally('intake');
    };

    const giveBack = (where: string) => {
      const p = r.pick(products);
      const q = r.int(1, Math.max(1, p.onHand) + 2);
      const allowed = q <= p.onHand;
      expectReply(t, where, 'returns.create', { producerId: p.producerId, lines: [{ productId: p.id, quantity: q, reason: r.pick(['unsold', 'expired', 'damaged'] as const) }] }, allowed);
      if (!allowed) return tally('return refused (more than in stock)');
      p.onHand -= q; // a return moves stock, never money
      tally('return');
    };

    const count = (where: string) => {
      const picked = products.filter(() => r.chance(0.4));
      if (!picked.length) picked.push(r.pick(products));
      const lines = picked.map((p) => ({ p, counted: Math.max(0, p.onHand + r.int(-3, 2)) }));
      const c = expectReply<{ totalShrinkage: number }>(t, where, 'stockCounts.create', { lines: lines.map((l) => ({ productId: l.p.id, counted: l.counted, reason: 'hitung ulang' })), approval: m }, true)!;
      let shrinkage = 0;
      for (const { p, counted: n } of lines) {
        const short = p.onHand - n;
        if (short > 0) {
          const share = lineShare(termsOn(p, localDay(now())), short, 0);
          if (share > 0) w.add(p.producerId, share);
          shrinkage += share;
        }
        p.onHand = n;
      }
      expect(c.totalShrinkage, `${where}: shrinkage credited`).toBe(shrinkage);
      tally(shrinkage > 0 ? 'count with shrinkage' : 'count');
    };

    const manual = (where: string) => {
      const pid = r.pick(producers);
      const adjust = r.chance(0.5);
      const amount = r.int(1, 60) * 250 * (adjust && r.chance(0.6) ? -1 : 1);
      const signed = adjust ? amount : -amount;
      const allowed = w.floor(pid) + signed >= 0;
      const input = adjust ? { producerId: pid, amount, reason: 'koreksi model', approval: m } : { producerId: pid, amount, reason: 'potongan model', approval: m };
      expectReply(t, `${where} (floor ${w.floor(pid)})`, adjust ? 'ledger.adjust' : 'ledger.deduct', input, allowed);
      if (!allowed) return tally(`${adjust ? 'adjustment' : 'deduction'} refused (below zero)`);
      w.add(pid, signed);
      tally(adjust ? 'adjustment' : 'deduction');
    };

    const changeTerms = (where: string) => {
      const p = r.pick(products);
      const today = localDay(now());
      const from = r.chance(0.1) ? addDays(today, -1) : addDays(today, r.pick([0, 0, 1, 3]));
      const retail = Math.max(250, termsOn(p, today).retail + r.int(-4, 4) * 125);
      const fixed = r.chance(0.5);
      const producerPrice = fixed ? retail - r.int(-1, Math.floor(retail / 4)) : 0; // sometimes above retail
      const bps = fixed ? 0 : r.int(0, 3000);
      const allowed = from >= today && (!fixed || producerPrice <= retail);
      const input = { productId: p.id, effectiveFrom: from, retailPrice: retail, mode: fixed ? 'fixed' : 'percent', ...(fixed ? { producerPrice } : { commissionBps: bps }), approval: m, reason: 'harga baru' };
      expectReply(t, where, 'terms.change', input, allowed);
      if (!allowed) return tally('terms change refused');
      p.terms.push({ from, retail, mode: fixed ? 'fixed' : 'percent', producerPrice, bps });
      tally('terms change');
    };

    const finalize = (where: string) => {
      const roll = r.next();
      // mostly the week that just ended; sometimes the one before, or the week still running
      const end = roll < 0.75 ? latestEnd(now()) : roll < 0.9 ? latestEnd(now()) - WEEK : latestEnd(now()) + WEEK;
      const ended = end <= now();
      const totals = w.totalsBefore(end);
      const opened = end > Date.parse(OPENED); // before the store opened there is no producer to settle
      // A deduction against this week's sales followed by a refund of them can leave a producer's
      // week below zero: that producer gets a Rp 0 settlement carrying the amount into the next
      // one, and nobody else is held up (SPEC §7).
      const allowed = ended && end > w.lastFinalised && opened;
      const reply = expectReply<{ settlements: { id: number; number: string; producer: { id: number }; totalDue: number }[] }>(
        t, `${where} (period ending ${localDay(end - 1)})`, 'settlements.finalize', { periodEnd: localDay(end - 1), approval: m }, allowed);
      if (!reply) return tally('finalize refused');
      expect(reply.settlements.map((s) => s.producer.id).sort(), `${where}: one settlement per producer, zero totals included`).toEqual([...producers].sort());
      for (const s of reply.settlements) {
        const week = totals.get(s.producer.id)! + (w.carried.get(s.producer.id) ?? 0);
        const total = Math.max(0, week);
        if (week < 0) tally('a week below zero carried forward');
        w.carried.set(s.producer.id, Math.min(0, week));
        expect(s.totalDue, `${where}: ${s.number} for producer ${s.producer.id}`).toBe(total);
        for (const e of w.unsettled(s.producer.id)) if (e.at < end) e.settledIn = s.id;
        w.settlements.push({ id: s.id, number: s.number, producerId: s.producer.id, total, paid: 0, end });
      }
      const numbers = reply.settlements.map((s) => s.number).sort();
      const first = w.settlements.length - numbers.length + 1;
      expect(numbers, `${where}: gapless settlement numbers`).toEqual(numbers.map((_, i) => `ST-${String(first + i).padStart(6, '0')}`));
      w.lastFinalised = end;
      tally('finalize');
    };

    const payout = (where: string) => {
      const open = w.settlements.filter((s) => s.total > s.paid);
      if (!open.length) return;
      const s = r.pick(open);
      const remaining = s.total - s.paid;
      const over = r.chance(0.12);
      const full = !over && r.chance(0.4);
      const amount = over ? remaining + r.int(1, 500) : full ? remaining : r.int(1, remaining);
      const request = { id: randomUUID(), settlementId: s.id, amount, method: r.pick(['cash_safe', 'transfer', 'ewallet', 'cash_drawer'] as const), receiverName: 'Penerima', reference: 'ref', approval: m };
      const paid = expectReply<{ id: string }>(t, `${where} (${amount} of ${remaining})`, 'payouts.create', request, !over);
      if (!paid) return tally('payout refused (more than remains)');
      s.paid += amount;
      w.add(s.producerId, -amount, true);
      if (r.chance(0.25)) expect(t.ok('payouts.create', request).id, `${where}: a retried payout is the same payout`).toBe(paid.id);
      tally(full || amount === remaining ? 'full payout' : 'partial payout');
    };

    const newShift = () => {
      till.ok('shifts.close', { shiftId, countedCash: 0 });
      shiftId = till.ok('shifts.open', { openingFloat: 500_000 }).id;
      tally('shift change');
    };

    const passTime = () => {
      if (r.chance(0.3)) {
        // right up to, or just past, the next week end: where an off-by-some-hours boundary shows
        const next = latestEnd(now()) + WEEK;
        clock.set(new Date(next + r.pick([-1, 1]) * r.int(1, 90) * 60_000));
      } else clock.advance(r.int(1, 30) * 3_600_000);
      tally('time passes');
    };

    check('set-up', true);
    for (let step = 0; step < steps; step++) {
      const where = `seed ${seed} step ${step} (${localDay(now())} ${clock.now().toISOString().slice(11, 16)}Z)`;
      const roll = r.next();
      if (roll < 0.26) sell(`${where} sale`);
      else if (roll < 0.31 && thisWeeksSales().length) voidSale(`${where} void`);
      else if (roll < 0.38 && thisWeeksSales().length) refund(`${where} refund`);
      else if (roll < 0.44) intake(`${where} intake`);
      else if (roll < 0.47) giveBack(`${where} return`);
      else if (roll < 0.51) count(`${where} count`);
      else if (roll < 0.58) manual(`${where} deduction/adjustment`);
      else if (roll < 0.62) changeTerms(`${where} terms`);
      else if (roll < 0.7) finalize(`${where} finalize`);
      else if (roll < 0.8) payout(`${where} payout`);
      else if (roll < 0.82) newShift();
      else passTime();
      check(where, step % 25 === 24 || step === steps - 1);
    }
    return { counted, weeks: Math.round((now() - FIRST_END) / WEEK) };
  } finally {
    t.close();
  }
}

describe('settlement model', () => {
  const seeds = (process.env.SETTLE_MODEL_SEEDS ?? '1,2,3,5,7,11,42,99,2026,31337').split(',').map(Number);
  const steps = Number(process.env.SETTLE_MODEL_STEPS ?? 300);
  for (const seed of seeds) {
    it(`agrees with an independent model after every one of ${steps} steps (seed ${seed})`, () => {
      const { counted, weeks } = runModel(seed, steps);
      console.log(`[settle-model] seed ${seed}, ${weeks} weeks: ${JSON.stringify(counted)}`);
      // the run must really exercise what it checks, refusals included
      const n = (...ops: string[]) => ops.reduce((s, op) => s + (counted[op] ?? 0), 0);
      if (steps >= 300) {
        expect(n('sale', 'sale with discount'), 'sales').toBeGreaterThan(40);
        expect(n('sale with discount'), 'sales with a discount').toBeGreaterThan(5);
        expect(n('void') + n('refund with restock', 'refund without restock'), 'voids and refunds').toBeGreaterThan(5);
        expect(n('finalize'), 'finalised weeks').toBeGreaterThan(2);
        expect(n('partial payout') + n('full payout'), 'payouts').toBeGreaterThan(3);
        expect(n('deduction', 'adjustment'), 'deductions and adjustments').toBeGreaterThan(3);
        expect(n('intake', 'count', 'count with shrinkage', 'return'), 'stock operations').toBeGreaterThan(10);
        expect(Object.keys(counted).filter((op) => op.includes('refused')).length, 'kinds of refusal').toBeGreaterThan(2);
      }
    });
  }
});
