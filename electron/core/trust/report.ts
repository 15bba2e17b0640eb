import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { readSettings } from '../settings';
import { buildTrustReport, producerTrustDetail } from '../../../shared/domain/trust';
import { localDateOf } from '../../../shared/domain/trustTime';
import type { TrustProducerDetail, TrustReport } from '../../../shared/contract/trust';
import { loadAll, loadProducer, loadProducerLedger, loadProducers } from './load';
import { waitingTrustSettlements } from './waiting';

export interface RangeInput {
  from?: string;
  to?: string;
  asOf?: string;
}

/** The report date: the given one, or today in the store's zone. */
export function reportDate(ctx: CoreContext, input: RangeInput): string {
  return input.asOf ?? localDateOf(ctx.timeZone())(ctx.now().toISOString());
}

export function trustReport(ctx: CoreContext, input: RangeInput): TrustReport {
  const timeZone = ctx.timeZone();
  const asOf = reportDate(ctx, input);
  const producers = loadProducers(ctx.db);
  const loaded = loadAll(ctx.db);
  const settlements = [...loaded.settlements, ...waitingTrustSettlements(ctx.db, ctx.now())];
  const payouts = loaded.payouts;
  const data = buildTrustReport(settlements, payouts, {
    asOf,
    timeZone,
    from: input.from,
    to: input.to,
    producerIds: producers.map((p) => p.producerId),
  });
  const figures = new Map(data.producers.map((p) => [p.producerId, p]));
  const refs = new Map(producers.map((p) => [p.producerId, p]));
  return {
    asOf,
    from: data.from,
    to: data.to,
    timeZone,
    storeName: readSettings(ctx.db).storeName,
    store: data.store,
    producers: producers.map((p) => ({ ...p, range: figures.get(p.producerId)!.range, allTime: figures.get(p.producerId)!.allTime })),
    lateNow: data.lateNow.map((l) => ({ ...l, name: refs.get(l.producerId)?.name ?? '', shortName: refs.get(l.producerId)?.shortName ?? '' })),
  };
}

export function trustProducer(ctx: CoreContext, input: RangeInput & { producerId: number }): TrustProducerDetail {
  const producer = loadProducer(ctx.db, input.producerId);
  if (!producer) return notFound(`Produsen #${input.producerId} tidak ditemukan`, `Producer #${input.producerId} not found`);
  const timeZone = ctx.timeZone();
  const asOf = reportDate(ctx, input);
  const local = localDateOf(timeZone);
  const settings = readSettings(ctx.db);
  const ledger = loadProducerLedger(ctx.db, input.producerId);
  const settlements = [...ledger.settlements, ...waitingTrustSettlements(ctx.db, ctx.now(), input.producerId)];
  const payouts = ledger.payouts;
  const detail = producerTrustDetail(input.producerId, settlements, payouts, { asOf, timeZone, from: input.from, to: input.to });
  const rows = new Map(settlements.map((s) => [s.id, s]));
  const payoutsOf = new Map<number, TrustProducerDetail['settlements'][number]['payouts']>();
  for (const p of payouts) {
    let list = payoutsOf.get(p.settlementId);
    if (!list) payoutsOf.set(p.settlementId, (list = []));
    const paidDate = local(p.paidAt);
    list.push({ id: p.id, amount: p.amount, paidAt: p.paidAt, paidDate, method: p.method, reference: p.reference, counted: paidDate <= asOf });
  }
  for (const list of payoutsOf.values()) list.sort((a, b) => Date.parse(a.paidAt) - Date.parse(b.paidAt));
  return {
    asOf,
    from: detail.from,
    to: detail.to,
    timeZone,
    storeName: settings.storeName,
    storeAddress: settings.storeAddress,
    storePhone: settings.storePhone,
    producer,
    range: detail.range,
    allTime: detail.allTime,
    trend: detail.trend,
    settlements: detail.settlements.map((s) => {
      const periodStart = rows.get(s.settlementId)?.periodStart ?? null;
      return { ...s, periodStart, periodStartDate: periodStart ? local(periodStart) : null, payouts: payoutsOf.get(s.settlementId) ?? [] };
    }),
  };
}
