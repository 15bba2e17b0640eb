// Intakes, stock on hand, returns to producers, stock counts, expiry. Owned by the stock area.
import { z } from 'zod';
import { pageFields, type Page } from './paging';
import { method, id, quantity, localDate, optionalText, approval, biMsg } from './define';
import type { CsvFile } from './catalogue';

export interface StaffRef {
  id: number;
  name: string;
}

export interface IntakeLine {
  productId: number;
  productName: string;
  unit: string;
  quantity: number;
  expiryDate: string | null;
  /** The product expires: without a date, the receipt warns. */
  perishable: boolean;
  /** Terms on the day of the intake: what a customer pays per unit; null when the product had no terms yet. */
  retailPrice: number | null;
  /** The producer's price per unit (harga setor, or the share of the retail price under bagi hasil). */
  producerPrice: number | null;
  /** quantity × producer price: what the shop holds for the producer on this line. */
  producerValue: number | null;
}

export interface Intake {
  id: number;
  /** TT-000001 */
  number: string;
  producerId: number;
  producerName: string;
  producerShortName: string;
  producerPhone: string;
  producerAddress: string;
  receivedAt: string;
  receivedBy: StaffRef | null;
  deliveredBy: string;
  notes: string;
  lines: IntakeLine[];
  totalUnits: number;
  /** The goods' value at the producer's price, summed over the lines that have terms. */
  producerValue: number;
}

export interface DocumentSummary {
  id: number;
  number: string;
  producerId: number;
  producerName: string;
  at: string;
  lineCount: number;
  totalUnits: number;
}

export type ReturnReason = 'unsold' | 'expired' | 'damaged';

export interface ReturnLine {
  productId: number;
  productName: string;
  unit: string;
  quantity: number;
  reason: ReturnReason;
  expiryDate: string | null;
}

export interface ProducerReturn {
  id: number;
  /** RT-000001 */
  number: string;
  producerId: number;
  producerName: string;
  producerShortName: string;
  returnedAt: string;
  createdBy: StaffRef | null;
  receivedBy: string;
  notes: string;
  lines: ReturnLine[];
  totalUnits: number;
}

/** A page of stock on hand, with how many products of the whole filtered list are oversold (not only this page's). */
export type StockPage = Page<StockRow> & { oversoldTotal: number };

export interface StockRow {
  productId: number;
  productName: string;
  unit: string;
  producerId: number;
  producerName: string;
  producerShortName: string;
  shortCode: string | null;
  barcode: string | null;
  perishable: boolean;
  active: boolean;
  onHand: number;
  /** More was sold than recorded stock: the count may be wrong. */
  oversold: boolean;
  lastMovementAt: string | null;
}

export interface StockMovement {
  id: number;
  quantity: number;
  kind: 'intake' | 'sale' | 'void' | 'refund' | 'return' | 'count';
  refId: string;
  occurredAt: string;
  /** Running on-hand after this movement. */
  balance: number;
}

/** A product whose stock level (the running on hand) disagrees with the sum of its movements. */
export interface StockLevelMismatch {
  productId: number;
  /** On hand by the movements, the source of truth. */
  movementsOnHand: number;
  /** On hand by the stock level; null when the product has movements but no level. */
  levelOnHand: number | null;
  movementsLastAt: string | null;
  levelLastAt: string | null;
}

export interface StockVerifyResult {
  ok: boolean;
  /** Products that have movements or a level. */
  productsChecked: number;
  mismatches: StockLevelMismatch[];
  /** The kept lots on the shelf (issue #14) against a replay of each product's movements; `ok` above includes them. */
  lots?: { ok: boolean; productsChecked: number; mismatches: number[]; lagging: number };
}

export interface StockCountLine {
  productId: number;
  productName: string;
  producerId: number;
  producerName: string;
  unit: string;
  expected: number;
  counted: number;
  difference: number;
  reason: string;
  /** What the producer was credited for the shortfall (0 when none or borne by the producer). */
  shrinkageAmount: number;
}

export interface StockCount {
  id: number;
  /** SO-000001 */
  number: string;
  countedAt: string;
  createdBy: StaffRef | null;
  shrinkageBornBy: 'shop' | 'producer';
  notes: string;
  lines: StockCountLine[];
  totalShortfallUnits: number;
  totalSurplusUnits: number;
  totalShrinkage: number;
}

export interface StockCountSummary {
  id: number;
  number: string;
  countedAt: string;
  lineCount: number;
  differences: number;
  totalShrinkage: number;
}

export interface ExpiryBatch {
  productId: number;
  productName: string;
  unit: string;
  intakeNumber: string;
  expiryDate: string;
  /** Units of this batch still plausibly on hand (stock consumed earliest-expiring first). */
  remaining: number;
  /** Days from today to the expiry date (negative: already expired). */
  daysLeft: number;
}

export interface ExpiryGroup {
  producerId: number;
  producerName: string;
  producerShortName: string;
  expired: ExpiryBatch[];
  expiringSoon: ExpiryBatch[];
}

export interface ExpiryReport {
  today: string;
  withinDays: number;
  producers: ExpiryGroup[];
}

const wholeCount = () =>
  z
    .number({ error: biMsg('Jumlah hitung harus berupa angka', 'Counted quantity must be a number') })
    .refine(Number.isSafeInteger, { error: biMsg('Jumlah hitung harus bilangan bulat', 'Counted quantity must be a whole number') })
    .refine((v) => v >= 0, { error: biMsg('Jumlah hitung tidak boleh negatif', 'Counted quantity cannot be negative') })
    .refine((v) => v <= 1_000_000, { error: biMsg('Jumlah terlalu besar', 'Quantity too large') });

const listRange = z
  .object({ producerId: id().optional(), ...pageFields() })
  .strict()
  .optional()
  .default({});

const atLeastOneLine = { error: biMsg('Isi paling sedikit satu baris', 'Enter at least one line') };

export const stockMethods = {
  'intakes.create': method<Intake>({ access: 'staff', kind: 'write' })(
    z
      .object({
        producerId: id(),
        lines: z
          .array(
            z
              .object({
                productId: id(),
                quantity: quantity(),
                expiryDate: localDate().optional(),
                /** A perishable delivered without a date: a deliberate choice (SPEC §3), warned on the receipt. */
                noExpiryDate: z.literal(true).optional(),
              })
              .strict(),
          )
          .min(1, atLeastOneLine)
          .max(200),
        deliveredBy: optionalText(120),
        notes: optionalText(500),
      })
      .strict(),
  ),
  'intakes.get': method<Intake>({ access: 'staff', kind: 'read' })(z.object({ id: id() }).strict()),
  'intakes.list': method<Page<DocumentSummary>>({ access: 'staff', kind: 'read' })(listRange),

  'stock.list': method<StockPage>({ access: 'staff', kind: 'read' })(
    z
      .object({ producerId: id().optional(), search: z.string().trim().max(100).optional(), includeInactive: z.boolean().optional(), ...pageFields() })
      .strict()
      .optional()
      .default({}),
  ),
  /** A product's movements, oldest first, each with the running on hand after it. */
  'stock.movements': method<Page<StockMovement>>({ access: 'staff', kind: 'read' })(z.object({ productId: id(), ...pageFields() }).strict()),
  /** Recomputes every product's stock level from its movements and lists where they differ (none, unless the file was edited by hand). */
  'stock.verify': method<StockVerifyResult>({ access: 'manager', kind: 'long' })(z.object({}).strict().optional().default({})),

  'returns.create': method<ProducerReturn>({ access: 'manager', kind: 'write' })(
    z
      .object({
        producerId: id(),
        lines: z
          .array(
            z
              .object({
                productId: id(),
                quantity: quantity(),
                reason: z.enum(['unsold', 'expired', 'damaged'], { error: biMsg('Alasan retur tidak dikenal', 'Unknown return reason') }),
                expiryDate: localDate().optional(),
              })
              .strict(),
          )
          .min(1, atLeastOneLine)
          .max(200),
        receivedBy: optionalText(120),
        notes: optionalText(500),
      })
      .strict(),
  ),
  'returns.get': method<ProducerReturn>({ access: 'manager', kind: 'read' })(z.object({ id: id() }).strict()),
  'returns.list': method<Page<DocumentSummary>>({ access: 'manager', kind: 'read' })(listRange),

  /** Stok opname: needs a manager's approval. */
  'stockCounts.create': method<StockCount>({ access: 'manager', kind: 'write' })(
    z
      .object({
        lines: z
          .array(z.object({ productId: id(), counted: wholeCount(), reason: optionalText(200) }).strict())
          .min(1, atLeastOneLine)
          .max(2000),
        approval: approval(),
        notes: optionalText(500),
      })
      .strict(),
  ),
  'stockCounts.get': method<StockCount>({ access: 'manager', kind: 'read' })(z.object({ id: id() }).strict()),
  'stockCounts.list': method<Page<StockCountSummary>>({ access: 'manager', kind: 'read' })(
    z.object({ ...pageFields() }).strict().optional().default({}),
  ),

  /**
   * Not paged: bounded by the stock on hand, not by the years. Only lots still plausibly on hand appear
   * (stock is consumed earliest-expiring first, so a few lots per perishable product at most), within the window.
   */
  'expiry.list': method<ExpiryReport>({ access: 'staff', kind: 'read' })(
    z
      .object({ withinDays: z.number().int().min(0).max(365).optional(), producerId: id().optional() })
      .strict()
      .optional()
      .default({}),
  ),

  'export.stockCsv': method<CsvFile>({ access: 'manager', kind: 'long' })(z.object({ producerId: id().optional() }).strict().optional().default({})),
} as const;
