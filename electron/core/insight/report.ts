import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { readSettings } from '../settings';
import type { MethodParsed } from '../../../shared/contract';
import type { InsightProductRow, ProducerInsight, ReorderLine, ReorderList, ReorderProducer } from '../../../shared/contract/insight';
import {
  DEFAULT_DELIVERY_INTERVAL_DAYS,
  RATE_WEEKS,
  deliveryIntervalDays,
  reorderSuggestion,
  totalsOf,
  weekStartOf,
  weeklyFacts,
} from '../../../shared/domain/insight';
import { addDays, toLocalDate } from '../../../shared/domain/time';
import { producerHistory, producerRow, producerRows, productRows, type ProducerRow } from './load';

const refOf = (p: ProducerRow) => ({ producerId: p.id, name: p.name, shortName: p.shortName, phone: p.phone });

function mustProducer(ctx: CoreContext, producerId: number): ProducerRow {
  return producerRow(ctx.db, producerId) ?? notFound('Produsen tidak ditemukan', 'Producer not found');
}

/** One producer's weeks: from the Monday `weeks − 1` weeks before this week's, to today. */
export function producerInsight(ctx: CoreContext, input: MethodParsed<'insight.producer'>): ProducerInsight {
  const producer = mustProducer(ctx, input.producerId);
  const timeZone = ctx.timeZone();
  const today = toLocalDate(ctx.now(), timeZone);
  const from = addDays(weekStartOf(today), -7 * (input.weeks - 1));
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


function reorderFor(ctx: CoreContext, producer: ProducerRow, today: string, timeZone: string): ReorderProducer {
  // The current rate's window: the last RATE_WEEKS ISO weeks, the running one to today (as in insight.producer).
  const from = addDays(weekStartOf(today), -7 * (RATE_WEEKS - 1));
  const history = producerHistory(ctx.db, producer.id, from, timeZone);
  const fromHistory = deliveryIntervalDays(history.deliveryDates);
  const intervalDays = fromHistory ?? DEFAULT_DELIVERY_INTERVAL_DAYS;
  const lines: ReorderLine[] = [];
  for (const p of productRows(ctx.db, producer.id)) {
    if (!p.active) continue;
    const totals = totalsOf(weeklyFacts(history.events.get(p.id) ?? [], from, today, history.onHandBefore.get(p.id) ?? 0));
    const s = reorderSuggestion({
      onHand: p.onHand,
      rateCenti: totals.recentPerDayCenti,
      intervalDays,
      perishable: p.perishable,
      recentSellThroughBps: totals.sellThroughBps,
      lastDelivered: history.lastDelivered.get(p.id) ?? 0,
    });
    if (!s.runningLow) continue;
    lines.push({ ...s, productId: p.id, name: p.name, unit: p.unit, perishable: p.perishable, onHand: p.onHand, rateCenti: totals.recentPerDayCenti });
  }
  lines.sort((a, b) => (a.daysOfStockLeft ?? 0) - (b.daysOfStockLeft ?? 0) || a.name.localeCompare(b.name));
  return { ...refOf(producer), intervalDays, intervalFromHistory: fromHistory !== null, lines };
}

export function reorderList(ctx: CoreContext, input: MethodParsed<'insight.reorder'>): ReorderList {
  const timeZone = ctx.timeZone();
  const today = toLocalDate(ctx.now(), timeZone);
  const storeName = readSettings(ctx.db).storeName;
  if (input.producerId !== undefined) {
    return { asOf: today, storeName, producers: [reorderFor(ctx, mustProducer(ctx, input.producerId), today, timeZone)] };
  }
  const producers = producerRows(ctx.db)
    .filter((p) => p.active)
    .map((p) => reorderFor(ctx, p, today, timeZone))
    .filter((p) => p.lines.length > 0);
  return { asOf: today, storeName, producers };
}
