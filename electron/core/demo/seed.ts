/**
 * The demo store of the first run: the KTM Telang producers, their products
 * and terms, one terms change, six weeks of weekly deliveries with expiry
 * dates and one return of expired eggs, all before `ctx.now()`. Rows are
 * written through the catalogue and stock functions the handlers use, each
 * with a clock set to the moment it happened. Deterministic: the same "now"
 * gives the same store.
 */
import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { addDays, localToInstant } from '../../../shared/domain/time';
import { todayLocal } from '../catalogue/common';
import { createProducer } from '../catalogue/producers';
import { createProduct } from '../catalogue/products';
import { changeTerms } from '../catalogue/termsChange';
import { createIntake } from '../stock/intakes';
import { createReturn } from '../stock/returns';
import { DEMO_PRODUCERS, DEMO_TERMS_CHANGE, DEMO_WEEKS, type DemoProduct } from './data';
import { seedDemoHistory } from './history';

export { DEMO_PRODUCERS, DEMO_TERMS_CHANGE, DEMO_WEEKS } from './data';

/** The same context with its clock stopped at `instant`: how the seed writes the past. */
export function contextAt(ctx: CoreContext, instant: string): CoreContext {
  const fixed = new Date(instant);
  return { ...ctx, now: () => new Date(fixed.getTime()) };
}

/** The first day of the demo's history (local date): catalogue created, first deliveries. */
export function demoStartDate(ctx: CoreContext): string {
  return addDays(todayLocal(ctx), -DEMO_WEEKS * 7);
}

export interface DemoCatalogueProduct {
  productId: number;
  shortCode: string;
  name: string;
  unit: string;
  perishable: boolean;
  data: DemoProduct;
}
export interface DemoCatalogueProducer {
  producerId: number;
  shortName: string;
  products: DemoCatalogueProduct[];
}

/**
 * The demo's producers and products as stored (ids by short code), for
 * whoever adds sales, settlements and payouts to the demo history.
 */
export function demoCatalogue(db: Database.Database): DemoCatalogueProducer[] {
  const byCode = db.prepare('SELECT id, producer_id, name, unit, perishable FROM products WHERE short_code = ? AND active = 1');
  return DEMO_PRODUCERS.map((producer) => {
    const products = producer.products.map((p) => {
      const row = byCode.get(p.shortCode) as { id: number; producer_id: number; name: string; unit: string; perishable: number } | undefined;
      if (!row) throw new Error(`demo product ${p.shortCode} is not in the store`);
      return { productId: row.id, producerId: row.producer_id, shortCode: p.shortCode, name: row.name, unit: row.unit, perishable: row.perishable === 1, data: p };
    });
    return {
      producerId: products[0]!.producerId,
      shortName: producer.shortName,
      products: products.map(({ producerId: _producer, ...rest }) => rest),
    };
  });
}

/** Units in week `week` of a product: its usual amount, give or take, in a fixed pattern. */
export function demoDeliveryUnits(p: DemoProduct, week: number, producerIndex: number, productIndex: number): number {
  const step = Math.max(1, Math.round(p.weeklyUnits / 10));
  return p.weeklyUnits + (((week * 7 + producerIndex * 3 + productIndex * 5) % 5) - 2) * step;
}

interface DemoEvent {
  at: string;
  order: number;
  run(ctx: CoreContext): void;
}

export function seedDemoStore(ctx: CoreContext): void {
  const tz = ctx.timeZone();
  const start = demoStartDate(ctx);
  const productIds = new Map<string, number>();
  const producerIds: number[] = [];

  // The catalogue, as it was set up on the first day.
  const setupCtx = contextAt(ctx, localToInstant(start, tz, 7, 30));
  for (const producer of DEMO_PRODUCERS) {
    const created = createProducer(setupCtx, {
      name: producer.name,
      shortName: producer.shortName,
      phone: producer.phone,
      address: producer.address,
      payoutMethod: producer.payoutMethod,
      payoutProvider: producer.payoutProvider,
      payoutAccount: producer.payoutAccount,
      payoutAccountName: producer.payoutAccountName,
      notes: producer.notes,
    });
    producerIds.push(created.id);
    for (const p of producer.products) {
      const product = createProduct(setupCtx, {
        producerId: created.id,
        name: p.name,
        unit: p.unit,
        shortCode: p.shortCode,
        barcode: p.barcode,
        tileColor: p.tileColor,
        perishable: p.shelfDays !== undefined,
        terms: { retailPrice: p.retailPrice, mode: p.mode, producerPrice: p.producerPrice, commissionBps: p.commissionBps },
      });
      productIds.set(p.shortCode, product.id);
    }
  }

  const events: DemoEvent[] = [];
  // Weekly deliveries.
  for (let week = 0; week < DEMO_WEEKS; week++) {
    DEMO_PRODUCERS.forEach((producer, pi) => {
      const date = addDays(start, week * 7 + producer.deliveryDay);
      events.push({
        at: localToInstant(date, tz, 8 + (pi % 3), 15 * (pi % 4)),
        order: pi,
        run: (c) =>
          void createIntake(c, {
            producerId: producerIds[pi]!,
            deliveredBy: producer.deliveredBy,
            lines: producer.products.map((p, qi) => ({
              productId: productIds.get(p.shortCode)!,
              quantity: demoDeliveryUnits(p, week, pi, qi),
              ...(p.shelfDays !== undefined ? { expiryDate: addDays(date, p.shelfDays) } : {}),
            })),
          }),
      });
    });
  }
  // The terms change, three weeks ago.
  const changeDate = addDays(todayLocal(ctx), -DEMO_TERMS_CHANGE.daysAgo);
  events.push({
    at: localToInstant(changeDate, tz, 7, 0),
    order: 0,
    run: (c) =>
      void changeTerms(
        c,
        {
          productId: productIds.get(DEMO_TERMS_CHANGE.shortCode)!,
          effectiveFrom: changeDate,
          retailPrice: DEMO_TERMS_CHANGE.retailPrice,
          mode: DEMO_TERMS_CHANGE.mode,
          producerPrice: DEMO_TERMS_CHANGE.producerPrice,
          reason: DEMO_TERMS_CHANGE.reason,
        },
        null,
      ),
  });
  // Bu Siti takes back expired eggs of her first delivery when she brings the third.
  const siti = DEMO_PRODUCERS[0]!;
  const returnDate = addDays(start, 14 + siti.deliveryDay);
  events.push({
    at: localToInstant(returnDate, tz, 10, 0),
    order: 0,
    run: (c) =>
      void createReturn(c, {
        producerId: producerIds[0]!,
        receivedBy: siti.deliveredBy,
        notes: 'Telur minggu pertama sudah lewat tanggal',
        lines: siti.products.map((p, qi) => ({
          productId: productIds.get(p.shortCode)!,
          quantity: qi === 0 ? 5 : 3,
          reason: 'expired' as const,
          expiryDate: addDays(addDays(start, siti.deliveryDay), p.shelfDays ?? 0),
        })),
      }),
  });

  const nowMs = ctx.now().getTime();
  events
    .filter((e) => new Date(e.at).getTime() < nowMs)
    .sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order)
    .forEach((e) => e.run(contextAt(ctx, e.at)));
  seedDemoHistory(ctx); // staff, sales, settlements and payouts (demo/history.ts)
}
