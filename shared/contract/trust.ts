import { z } from 'zod';
import { biMsg, id, localDate, method } from './define';
import type { SettlementTrust, TrustFigures, TrustLateNow, TrustMonth } from '../domain/trust';

// The trust ledger report (buku kepercayaan, SPEC §8). Owned by the trust area.
// Figure definitions: shared/domain/trustFigures.ts; ranges: shared/domain/trust.ts.

export type { SettlementTrust, TrustFigures, TrustLateNow, TrustMonth, TrustRatio, TrustStatus } from '../domain/trust';

export interface TrustProducerRef {
  producerId: number;
  name: string;
  shortName: string;
  active: boolean;
}

export interface TrustProducerRow extends TrustProducerRef {
  range: TrustFigures;
  allTime: TrustFigures;
}

export interface TrustLateNowRow extends TrustLateNow {
  name: string;
  shortName: string;
}

export interface TrustReport {
  /** Report date (store-local). Payouts after it are not counted; settlements finalised after it do not exist yet. */
  asOf: string;
  /** The range, local dates inclusive; a settlement is in it when its due date is. */
  from: string;
  to: string;
  timeZone: string;
  storeName: string;
  store: { range: TrustFigures; allTime: TrustFigures; trend: TrustMonth[] };
  /** Every producer (active or not, with or without settlements), by name. */
  producers: TrustProducerRow[];
  /** Producers the shop is late with now, the longest overdue first. */
  lateNow: TrustLateNowRow[];
}

export type PayoutMethod = 'cash_drawer' | 'cash_safe' | 'transfer' | 'ewallet';

export interface TrustPayoutLine {
  id: string;
  amount: number;
  paidAt: string;
  /** Store-local date of `paidAt`. */
  paidDate: string;
  method: PayoutMethod;
  reference: string;
  /** False when paid after the report date (shown, but not counted). */
  counted: boolean;
}

export interface TrustSettlementLine extends SettlementTrust {
  /** Instant the period began (null for a producer's first settlement). */
  periodStart: string | null;
  /** Store-local date of the period start (null for a first settlement). */
  periodStartDate: string | null;
  inRange: boolean;
  payouts: TrustPayoutLine[];
}

export interface TrustProducerDetail {
  asOf: string;
  from: string;
  to: string;
  timeZone: string;
  storeName: string;
  storeAddress: string;
  storePhone: string;
  producer: TrustProducerRef & { phone: string; address: string };
  range: TrustFigures;
  allTime: TrustFigures;
  /** Monthly trend over the range. */
  trend: TrustMonth[];
  /** Every settlement of the producer on the report date, oldest due date first. */
  settlements: TrustSettlementLine[];
}

export interface TrustCsv {
  filename: string;
  csv: string;
}

const rangeShape = {
  from: localDate().optional(),
  to: localDate().optional(),
  asOf: localDate().optional(),
};

const rangeCheck = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const rangeMsg = { error: biMsg('Tanggal awal harus sebelum tanggal akhir', 'The start date must be on or before the end date'), path: ['from'] };

export const trustReportInput = z.object(rangeShape).strict().refine(rangeCheck, rangeMsg);
export const trustProducerInput = z
  .object({ producerId: id(), ...rangeShape })
  .strict()
  .refine(rangeCheck, rangeMsg);
export const trustCsvInput = z
  .object({ producerId: id().optional(), lang: z.enum(['id', 'en']).optional(), ...rangeShape })
  .strict()
  .refine(rangeCheck, rangeMsg);

export const trustMethods = {
  /** Store-wide and per-producer trust figures for a range (default: the last 12 weeks) and all time. */
  'reports.trust': method<TrustReport>({ access: 'manager', kind: 'read' })(trustReportInput.optional().default({})),
  /** One producer's trust detail: every settlement with its payouts, figures and monthly trend. */
  'reports.trustProducer': method<TrustProducerDetail>({ access: 'manager', kind: 'read' })(trustProducerInput),
  /** CSV export: the producer table, or one producer's settlements when `producerId` is given. */
  'reports.trustCsv': method<TrustCsv>({ access: 'manager', kind: 'long' })(trustCsvInput.optional().default({})),
} as const;
