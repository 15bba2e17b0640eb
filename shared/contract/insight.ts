import { z } from 'zod';
import { biMsg, id, method } from './define';
import type { InsightTotals, ReorderSuggestion, WeekFacts } from '../domain/insight';

// What sells (SPEC §13, issue #17): per producer and product, week by week, and
// the "Pesan ulang" reorder list. Owned by the insight area; figures: shared/domain/insight.ts.

export type { InsightTotals, ReorderSuggestion, WeekFacts } from '../domain/insight';

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

export const insightProducerInput = z
  .object({
    producerId: id(),
    weeks: z
      .number({ error: biMsg('Jumlah minggu harus angka', 'Weeks must be a number') })
      .int({ error: biMsg('Jumlah minggu harus bilangan bulat', 'Weeks must be a whole number') })
      .min(4, { error: biMsg('Paling sedikit 4 minggu', 'At least 4 weeks') })
      .max(12, { error: biMsg('Paling banyak 12 minggu', 'At most 12 weeks') })
      .default(8),
  })
  .strict();

export const insightReorderInput = z.object({ producerId: id().optional() }).strict();

export const insightMethods = {
  /** One producer's goods week by week over the last 4–12 weeks (default 8), with totals. */
  'insight.producer': method<ProducerInsight>({ access: 'manager', kind: 'read' })(insightProducerInput),
  /** The "Pesan ulang" list: products running low with a suggested quantity, per producer. */
  'insight.reorder': method<ReorderList>({ access: 'manager', kind: 'read' })(insightReorderInput.optional().default({})),
} as const;
