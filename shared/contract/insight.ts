import { z } from 'zod';
import { biMsg, id, localDate, method } from './define';
import type { InsightTotals, ReorderSuggestion, ShopCategoryRanking, WeekFacts } from '../domain/insight';

// What sells (SPEC §13, issue #17): per producer and product, week by week, and
// the "Pesan ulang" reorder list. Owned by the insight area; figures: shared/domain/insight.ts.

export type { InsightTotals, RankedProduct, ReorderSuggestion, ShopCategory, ShopCategoryRanking, WeekFacts } from '../domain/insight';

export interface InsightProducerRef {
  producerId: number;
  name: string;
  shortName: string;
  phone: string;
}

export interface InsightProductRow {
  productId: number;
  name: string;
  unit: string;
  perishable: boolean;
  active: boolean;
  weeks: WeekFacts[];
  totals: InsightTotals;
}

export interface ProducerInsight {
  /** Store-local date the figures run to (today). */
  asOf: string;
  /** Monday of the first week shown. */
  from: string;
  timeZone: string;
  storeName: string;
  producer: InsightProducerRef;
  /** Median days between the producer's deliveries; null with fewer than two on record. */
  deliveryIntervalDays: number | null;
  /** Products of the producer, the best seller over the window first. */
  products: InsightProductRow[];
}

export interface ReorderLine extends ReorderSuggestion {
  productId: number;
  name: string;
  unit: string;
  perishable: boolean;
  onHand: number;
  /** The current rate: units sold a day over the last four ISO weeks (the running one to today), hundredths. */
  rateCenti: number;
}

export interface ReorderProducer extends InsightProducerRef {
  /** Days between deliveries used for the suggestion. */
  intervalDays: number;
  /** False when the history had fewer than two delivery days and the default (weekly) was used. */
  intervalFromHistory: boolean;
  /** Products running low, fewest days of stock left first. */
  lines: ReorderLine[];
}

export interface ReorderList {
  asOf: string;
  storeName: string;
  /** One producer when asked for one; otherwise every active producer with something running low. */
  producers: ReorderProducer[];
}

/** The longest window a producer statement's "Yang laku dan yang kembali" page may ask for (five years and a bit). */
export const MAX_INSIGHT_RANGE_WEEKS = 270;

export const insightProducerInput = z
  .object({
    producerId: id(),
    /** A statement's range instead of the last `weeks`: from the Monday of `from`'s week to `to` (at most today). */
    from: localDate().optional(),
    to: localDate().optional(),
    weeks: z
      .number({ error: biMsg('Jumlah minggu harus angka', 'Weeks must be a number') })
      .int({ error: biMsg('Jumlah minggu harus bilangan bulat', 'Weeks must be a whole number') })
      .min(4, { error: biMsg('Paling sedikit 4 minggu', 'At least 4 weeks') })
      .max(12, { error: biMsg('Paling banyak 12 minggu', 'At most 12 weeks') })
      .default(8),
  })
  .strict()
  .refine((v) => v.to === undefined || v.from !== undefined, {
    path: ['from'],
    error: biMsg('Tanggal awal wajib bila tanggal akhir diisi', 'A start date is needed with an end date'),
  })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    path: ['to'],
    error: biMsg('Tanggal akhir harus sesudah tanggal awal', 'The end date must be after the start date'),
  });

export interface ShopInsight {
  asOf: string;
  /** Monday of the first week counted. */
  from: string;
  weeks: number;
  /** Per category (perishable goods, goods that keep): the best sellers and the slow movers. */
  categories: ShopCategoryRanking[];
}

export const insightShopInput = z
  .object({
    weeks: z
      .number({ error: biMsg('Jumlah minggu harus angka', 'Weeks must be a number') })
      .int({ error: biMsg('Jumlah minggu harus bilangan bulat', 'Weeks must be a whole number') })
      .min(4, { error: biMsg('Paling sedikit 4 minggu', 'At least 4 weeks') })
      .max(12, { error: biMsg('Paling banyak 12 minggu', 'At most 12 weeks') })
      .default(8),
    limit: z
      .number({ error: biMsg('Jumlah produk harus angka', 'The number of products must be a number') })
      .int({ error: biMsg('Jumlah produk harus bilangan bulat', 'The number of products must be a whole number') })
      .min(1, { error: biMsg('Paling sedikit 1 produk', 'At least 1 product') })
      .max(10, { error: biMsg('Paling banyak 10 produk', 'At most 10 products') })
      .default(3),
  })
  .strict();

export interface LowStockLine {
  productId: number;
  producerId: number;
  producerShortName: string;
  name: string;
  unit: string;
  onHand: number;
  /** Days the stock lasts at the current rate (below the producer's delivery interval). */
  daysOfStockLeft: number | null;
  intervalDays: number;
  rateCenti: number;
}

export interface LowStockList {
  asOf: string;
  /** Products below their reorder point (the "Pesan ulang" rule), fewest days left first. */
  lines: LowStockLine[];
}

export const insightReorderInput = z.object({ producerId: id().optional() }).strict();

export const insightMethods = {
  /** One producer's goods week by week over the last 4–12 weeks (default 8), with totals. */
  'insight.producer': method<ProducerInsight>({ access: 'manager', kind: 'read' })(insightProducerInput),
  /** The "Pesan ulang" list: products running low with a suggested quantity, per producer. */
  'insight.reorder': method<ReorderList>({ access: 'manager', kind: 'read' })(insightReorderInput.optional().default({})),
  /** Best sellers and slow movers per category (perishable / keeps) over the last 4–12 weeks. */
  'insight.shop': method<ShopInsight>({ access: 'manager', kind: 'read' })(insightShopInput.optional().default({ weeks: 8, limit: 3 })),
  /** Products below their reorder point, for the stock screen and the landing tile (a cashier sees it too; nothing blocks selling). */
  'insight.lowStock': method<LowStockList>({ access: 'staff', kind: 'read' })(z.object({}).strict().optional().default({})),
} as const;
