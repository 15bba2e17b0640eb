import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { readSettings } from '../settings';
import type { MethodParsed } from '../../../shared/contract';
import { MAX_INSIGHT_RANGE_WEEKS, type InsightProductRow, type LowStockList, type ProducerInsight, type ReorderLine, type ReorderList, type ReorderProducer, type ShopInsight } from '../../../shared/contract/insight';
import { invalid } from '../errors';
import {
  DEFAULT_DELIVERY_INTERVAL_DAYS,
  RATE_WEEKS,
  deliveryIntervalDays,
  perDayCenti,
  rankByCategory,
  reorderSuggestion,
  sellThroughBps,
  type RankedProduct,
  totalsOf,
  weekStartOf,
  wasteBps,
  weeklyFacts,
} from '../../../shared/domain/insight';
import { addDays, daysBetween, toLocalDate } from '../../../shared/domain/time';
import {
  producerHistory,
  producerRow,
  producerRows,
  productRows,
  productRowsByProducer,
  shopWindow,
  type WindowSums,
  type ProducerRow,
  type ProductRow,
} from './load';

const refOf = (p: ProducerRow) => ({ producerId: p.id, name: p.name, shortName: p.shortName, phone: p.phone });

function mustProducer(ctx: CoreContext, producerId: number): ProducerRow {
  return producerRow(ctx.db, producerId) ?? notFound('Produsen tidak ditemukan', 'Producer not found');
}

/**
 * One producer's weeks: from the Monday `weeks − 1` weeks before this week's, to today;
 * or, for a statement, from the Monday of `from`'s week to `to` (never past today).
 */
export function producerInsight(ctx: CoreContext, input: MethodParsed<'insight.producer'>): ProducerInsight {
  const producer = mustProducer(ctx, input.producerId);
  const timeZone = ctx.timeZone();
  const now = toLocalDate(ctx.now(), timeZone);
  let from = addDays(weekStartOf(now), -7 * (input.weeks - 1));
  let today = now;
  if (input.from !== undefined) {
    from = weekStartOf(input.from);
    today = input.to !== undefined && input.to < now ? input.to : now;
    if (today < from) today = from;
    if (daysBetween(from, today) >= 7 * MAX_INSIGHT_RANGE_WEEKS) {
      invalid(`Paling banyak ${MAX_INSIGHT_RANGE_WEEKS} minggu`, `At most ${MAX_INSIGHT_RANGE_WEEKS} weeks`, 'from');
    }
  }
  const history = producerHistory(ctx.db, producer.id, from, timeZone);
  const products: InsightProductRow[] = productRows(ctx.db, producer.id).map((p) => {
    const weeks = weeklyFacts(history.events.get(p.id) ?? [], from, today, history.onHandBefore.get(p.id) ?? 0);
    return { productId: p.id, name: p.name, unit: p.unit, perishable: p.perishable, active: p.active, weeks, totals: totalsOf(weeks) };
  });
  // Best seller first; the inactive ones with nothing in the window are left out.
  const shown = products
    .filter((p) => p.active || p.weeks.some((w) => w.delivered || w.sold || w.onHandEnd))
    .sort((a, b) => b.totals.sold - a.totals.sold || a.name.localeCompare(b.name));
  return {
    asOf: today,
    from,
    timeZone,
    storeName: readSettings(ctx.db).storeName,
    producer: refOf(producer),
    deliveryIntervalDays: deliveryIntervalDays(history.deliveryDates),
    products: shown,
  };
}


function reorderWindowStart(today: string): string {
  // The current rate's window: the last RATE_WEEKS ISO weeks, the running one to today (as in insight.producer).
  return addDays(weekStartOf(today), -7 * (RATE_WEEKS - 1));
}

/** What the reorder rule needs of a product's window: its current rate and its sell-through. */
interface RateFacts {
  rateCenti: number;
  sellThroughBps: number | null;
}

function reorderFrom(
  producer: ProducerRow,
  deliveryDates: readonly string[],
  products: readonly ProductRow[],
  factsOf: (p: ProductRow) => RateFacts,
  lastDelivered: Map<number, number>,
): ReorderProducer {
  const fromHistory = deliveryIntervalDays(deliveryDates);
  const intervalDays = fromHistory ?? DEFAULT_DELIVERY_INTERVAL_DAYS;
  const lines: ReorderLine[] = [];
  for (const p of products) {
    if (!p.active) continue;
    const facts = factsOf(p);
    const s = reorderSuggestion({
      onHand: p.onHand,
      rateCenti: facts.rateCenti,
      intervalDays,
      perishable: p.perishable,
      recentSellThroughBps: facts.sellThroughBps,
      lastDelivered: lastDelivered.get(p.id) ?? 0,
    });
    if (!s.runningLow) continue;
    lines.push({ ...s, productId: p.id, name: p.name, unit: p.unit, perishable: p.perishable, onHand: p.onHand, rateCenti: facts.rateCenti });
  }
  lines.sort((a, b) => (a.daysOfStockLeft ?? 0) - (b.daysOfStockLeft ?? 0) || a.name.localeCompare(b.name));
  return { ...refOf(producer), intervalDays, intervalFromHistory: fromHistory !== null, lines };
}

/** One producer's reorder list, read for that producer alone, week by week. */
function reorderFor(ctx: CoreContext, producer: ProducerRow, today: string, timeZone: string): ReorderProducer {
  const from = reorderWindowStart(today);
  const history = producerHistory(ctx.db, producer.id, from, timeZone);
  return reorderFrom(
    producer,
    history.deliveryDates,
    productRows(ctx.db, producer.id),
    (p) => {
      const totals = totalsOf(weeklyFacts(history.events.get(p.id) ?? [], from, today, history.onHandBefore.get(p.id) ?? 0));
      return { rateCenti: totals.recentPerDayCenti, sellThroughBps: totals.sellThroughBps };
    },
    history.lastDelivered,
  );
}

const NO_SUMS: WindowSums = { delivered: 0, sold: 0, shrinkage: 0, returned: { unsold: 0, expired: 0, damaged: 0 }, onHandBefore: 0 };

/** A window's totals from its sums, as `totalsOf` works them out from its weeks (the window's days are the weeks' days). */
function totalsOfSums(s: WindowSums, days: number) {
  const onHandEnd = s.onHandBefore + s.delivered - s.sold - s.shrinkage - s.returned.unsold - s.returned.expired - s.returned.damaged;
  return {
    delivered: s.delivered,
    sold: s.sold,
    onHandStart: s.onHandBefore,
    onHandEnd,
    perDayCenti: perDayCenti(s.sold, days),
    sellThroughBps: sellThroughBps(s.sold, s.onHandBefore, s.delivered),
    wasteBps: wasteBps(s.returned.expired, s.returned.damaged, s.delivered),
  };
}

/** Every active producer's reorder list, read for the whole shop at once (`shopWindow`). */
function reorderAll(ctx: CoreContext, today: string, timeZone: string): [ProducerRow, ReorderProducer][] {
  const from = reorderWindowStart(today);
  // The window is RATE_WEEKS weeks: its rate over all its days is the current rate.
  const days = daysBetween(from, today) + 1;
  const products = productRowsByProducer(ctx.db);
  const w = shopWindow(ctx.db, from, today, timeZone, products, true);
  return producerRows(ctx.db)
    .filter((p) => p.active)
    .map((p) => [
      p,
      reorderFrom(
        p,
        w.deliveryDates.get(p.id) ?? [],
        products.get(p.id) ?? [],
        (product) => {
          const t = totalsOfSums(w.sums.get(product.id) ?? NO_SUMS, days);
          return { rateCenti: t.perDayCenti, sellThroughBps: t.sellThroughBps };
        },
        w.lastDelivered,
      ),
    ]);
}

export function reorderList(ctx: CoreContext, input: MethodParsed<'insight.reorder'>): ReorderList {
  const timeZone = ctx.timeZone();
  const today = toLocalDate(ctx.now(), timeZone);
  const storeName = readSettings(ctx.db).storeName;
  if (input.producerId !== undefined) {
    return { asOf: today, storeName, producers: [reorderFor(ctx, mustProducer(ctx, input.producerId), today, timeZone)] };
  }
  const producers = reorderAll(ctx, today, timeZone)
    .map(([, r]) => r)
    .filter((p) => p.lines.length > 0);
  return { asOf: today, storeName, producers };
}

/** Best sellers and slow movers per category over the last `weeks` ISO weeks (the running one to today). */
export function shopInsight(ctx: CoreContext, input: MethodParsed<'insight.shop'>): ShopInsight {
  const timeZone = ctx.timeZone();
  const today = toLocalDate(ctx.now(), timeZone);
  const from = addDays(weekStartOf(today), -7 * (input.weeks - 1));
  const ranked: RankedProduct[] = [];
  const days = daysBetween(from, today) + 1;
  const all = productRowsByProducer(ctx.db);
  const w = shopWindow(ctx.db, from, today, timeZone, all);
  for (const producer of producerRows(ctx.db)) {
    const products = (all.get(producer.id) ?? []).filter((p) => p.active);
    if (products.length === 0) continue;
    for (const p of products) {
      const totals = totalsOfSums(w.sums.get(p.id) ?? NO_SUMS, days);
      ranked.push({
        productId: p.id,
        name: p.name,
        producerId: producer.id,
        producerShortName: producer.shortName,
        category: p.perishable ? 'perishable' : 'keeps',
        delivered: totals.delivered,
        sold: totals.sold,
        onHandStart: totals.onHandStart,
        onHandEnd: totals.onHandEnd,
        perDayCenti: totals.perDayCenti,
        sellThroughBps: totals.sellThroughBps,
        wasteBps: totals.wasteBps,
      });
    }
  }
  return { asOf: today, from, weeks: input.weeks, categories: rankByCategory(ranked, input.limit) };
}

/** Every product below its reorder point (the reorder list's rule), across the active producers. */
export function lowStock(ctx: CoreContext): LowStockList {
  const timeZone = ctx.timeZone();
  const today = toLocalDate(ctx.now(), timeZone);
  const lines = reorderAll(ctx, today, timeZone).flatMap(([p, r]) => r.lines.map((l) => ({
        productId: l.productId,
        producerId: p.id,
        producerShortName: p.shortName,
        name: l.name,
        unit: l.unit,
        onHand: l.onHand,
        daysOfStockLeft: l.daysOfStockLeft,
        intervalDays: r.intervalDays,
        rateCenti: l.rateCenti,
      })),
  );
  lines.sort((a, b) => (a.daysOfStockLeft ?? 0) - (b.daysOfStockLeft ?? 0) || a.name.localeCompare(b.name) || a.productId - b.productId);
  return { asOf: today, lines };
}
