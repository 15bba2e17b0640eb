import { z } from 'zod';
import { pageFields, type Page } from './paging';
import { method, id, uuid, localDate, instant, nonEmptyText, optionalText, approval, positiveRupiah, signedRupiah, biMsg } from './define';
import type { ChainedFields } from '../domain/ledgerChain';
import type { SettlementItems } from '../domain/settlementItems';
import type { CarriedTotals } from '../domain/settlementCarry';
import type { SettlementPayState } from '../domain/settlement';
import type { StoreSettings } from './system';
import type { PayoutSlipTrustSummary } from '../domain/trust';

// The producer ledger, settlements and payouts. Owned by the settlement area.

export interface LedgerVerifyProblem {
  producerId: number;
  entryId: number;
  seq: number;
  /** What did not match: the stored previous hash, the stored hash, or the sequence. */
  problem: 'prev_hash' | 'hash' | 'seq';
  message: string;
}

export interface LedgerVerifyResult {
  ok: boolean;
  producersChecked: number;
  entriesChecked: number;
  /** The first entry that does not match, per producer whose chain is broken. */
  problems: LedgerVerifyProblem[];
  /** Chain head (full hex) per producer after verification. */
  heads: { producerId: number; head: string; entries: number }[];
  /** The kept balances (per producer) checked against the entries, settlements and payouts they sum. */
  keptSums?: { ok: boolean; problems: KeptSumProblem[] };
  /** The sales journal's chain (SPEC §4), checked with every full `ledger.verify` (absent for one producer). */
  salesJournal?: SalesJournalVerifyResult;
}

/** A kept sum that differs from the rows it sums (migrations/0014_kept_sums.sql). */
export interface KeptSumProblem {
  /** Which figure, e.g. `producer 3 balance` or `day 2026-11-02 product 7 net`. */
  what: string;
  kept: number | null;
  actual: number;
  message: string;
}

/** The sales journal's hash chain, recomputed: the first entry that does not match, if any. */
export interface SalesJournalVerifyResult {
  ok: boolean;
  salesChecked: number;
  /** Chain head (full hex) and its printed code (first 12 hex digits, as on the Z report). */
  head: string | null;
  code: string | null;
  problem: { seq: number | null; receiptNo: number; message: string } | null;
}

/** A ledger entry as stored (the hashed fields; `amount` is signed rupiah: + the shop owes more, − less), for display. */
export interface LedgerEntry extends ChainedFields {
  id: number;
  productName: string | null;
  /** First 12 hex digits of this entry's hash (upper case), as printed on slips. */
  code: string;
  /** The settlement this entry was settled in, if any. */
  settlementNumber: string | null;
}

export interface StatementLine extends LedgerEntry {
  /** Store-local date of the entry. */
  localDate: string;
  /** Balance after this entry. */
  balance: number;
}

export interface ProducerRef {
  id: number;
  name: string;
  shortName: string;
  active: boolean;
}

/** One settlement week of a producer's statement: its entries summed by kind (signed, as in the ledger). */
export interface StatementWeek {
  /** Last local day of the week (the settlement period's name). */
  weekEnd: string;
  /** The part of the week inside the statement's range: first and last local day. */
  from: string;
  to: string;
  sales: number;
  /** Refunds and voids (negative). */
  refunds: number;
  shrinkage: number;
  deductions: number;
  adjustments: number;
  /** Payouts (negative). */
  payouts: number;
  /** Entries in the week. */
  lines: number;
  openingBalance: number;
  closingBalance: number;
}

/**
 * A producer's statement over a range of local dates, one line per settlement
 * week, a page of weeks at a time (oldest first); the lines of a week come from
 * `ledger.statementLines`.
 */
export interface Statement {
  producer: ProducerRef;
  /** The range as read: `from` defaults to the producer's first entry, `to` to today. */
  from: string;
  to: string;
  /** Balance before the range (every earlier entry included). */
  openingBalance: number;
  /** Balance at the end of the range. */
  closingBalance: number;
  /** Weeks of this page, oldest first; `total` counts every week of the range. */
  weeks: Page<StatementWeek>;
}

/** The entries of one week of a statement, a page at a time, with their running balance. */
export interface StatementLines extends Page<StatementLine> {
  producer: ProducerRef;
  weekEnd: string;
  from: string;
  to: string;
  /** Balance before the week's first entry (in the range). */
  openingBalance: number;
}

export interface ProducerBalance extends ProducerRef {
  /** What the shop owes the producer: the sum of every ledger entry. */
  balance: number;
  /** Sum of the entries not settled yet (payouts excluded). */
  unsettled: number;
  /** What is still to be paid on finalised settlements. */
  owedOnSettlements: number;
  /** A negative week carried into the producer's next settlement (≤ 0; SPEC §7). */
  carriedForward: number;
  entries: number;
}

export interface LedgerWriteResult {
  entry: LedgerEntry;
  balance: number;
  /** What the next settlement would show now (the lowest it can come to, whichever week is finalised next). */
  unsettled: number;
}

export interface ChainCodeResult {
  producerId: number;
  head: string;
  code: string;
  entries: number;
}

export type FindCodeResult =
  | { found: true; entry: LedgerEntry; entriesAfter: number; isHead: boolean; chainOk: boolean }
  | { found: false; chainOk: boolean };

export interface PeriodInfo {
  /** Last local day of the period. */
  periodEnd: string;
  periodEndInstant: string;
  /** Nominal start: the end of the week before. */
  periodStartInstant: string;
  dueDate: string;
  ended: boolean;
  finalised: boolean;
}

/** `totalDue` is what the settlement will pay (≥ 0), after the carry (shared/domain/settlementCarry.ts). */
export interface ProducerPreview extends SettlementItems, CarriedTotals {
  producer: ProducerRef;
  /** End of this producer's previous settlement; null for its first. */
  periodStart: string | null;
}

export interface SettlementPreview extends PeriodInfo {
  producers: ProducerPreview[];
  grandTotal: number;
  /** Producers whose week nets below zero: settled at Rp 0, `total` (< 0) carried into their next settlement. */
  negative: { producerId: number; name: string; total: number }[];
}

export interface SettlementSummary {
  id: number;
  number: string;
  producer: ProducerRef;
  periodStart: string | null;
  periodEndInstant: string;
  /** Last local day of the period. */
  periodEnd: string;
  dueDate: string;
  totalDue: number;
  /** Negative amount brought from the producer's previous settlement (≤ 0). */
  carriedIn: number;
  /** Negative amount carried into the producer's next settlement (≤ 0); totalDue is then 0. */
  carriedForward: number;
  paid: number;
  remaining: number;
  state: SettlementPayState;
  overdue: boolean;
  daysOverdue: number;
  createdAt: string;
}

export type PayoutMethod = 'cash_drawer' | 'cash_safe' | 'transfer' | 'ewallet';

export interface Payout {
  id: string;
  settlementId: number;
  settlementNumber: string;
  producerId: number;
  amount: number;
  method: PayoutMethod;
  reference: string;
  paidAt: string;
  receiverName: string;
  shiftId: number | null;
  ledgerEntryId: number;
  createdAt: string;
  createdBy: number | null;
  createdByName: string | null;
}

export interface SlipProducer extends ProducerRef {
  phone: string;
  address: string;
  payoutMethod: 'cash' | 'transfer' | 'ewallet';
  payoutProvider: string;
  payoutAccount: string;
  payoutAccountName: string;
}

export interface SettlementDetail extends SettlementSummary {
  store: Pick<StoreSettings, 'storeName' | 'storeAddress' | 'storePhone' | 'language' | 'timeZone' | 'slipLayout'>;
  producerDetail: SlipProducer;
  items: SettlementItems;
  payouts: Payout[];
  /** The payout this slip is printed for (`payoutId`), else null. */
  paidNow: number;
  /** Payouts on this settlement before the one printed (all of them when none is given). */
  paidBefore: number;
  /** What remains after `paidNow`. */
  remainingAfter: number;
  forPayout: Payout | null;
  trust: PayoutSlipTrustSummary;
  /** Ledger chain code: first 12 hex of the producer's CURRENT chain head. */
  chainCode: string;
  /** The chain code when the settlement was finalised. */
  chainCodeAtFinalise: string;
  createdByName: string | null;
  /** When the slip data was read. */
  printedAt: string;
}

/**
 * One thing the shop owes: a finalised settlement with something left to pay,
 * or a producer's share of an ended week nobody has finalised yet (`finalised:
 * false`, no id or number): owed all the same from its period end (SPEC §8).
 */
export interface OwedItem extends Omit<SettlementSummary, 'id' | 'number' | 'createdAt'> {
  id: number | null;
  number: string | null;
  createdAt: string | null;
  finalised: boolean;
}

/** An ended week still waiting to be finalised (settlements.period → waiting). */
export interface WaitingWeekInfo {
  periodEnd: string;
  periodEndInstant: string;
  periodStartInstant: string;
  dueDate: string;
  overdue: boolean;
  daysOverdue: number;
  total: number;
  producerCount: number;
}

export interface OwedResult {
  items: OwedItem[];
  totalRemaining: number;
  totalOverdue: number;
  today: string;
}

const producerIdField = { producerId: id() };
const reasonField = nonEmptyText(200);
const statusFilter = z.enum(['unpaid', 'partly_paid', 'paid', 'overdue', 'open']);

export const payoutInput = z
  .object({
    id: uuid(),
    settlementId: id(),
    /** Optional cross-check: refused when it is not the settlement's producer. */
    producerId: id().optional(),
    amount: positiveRupiah(),
    method: z.enum(['cash_drawer', 'cash_safe', 'transfer', 'ewallet'], {
      error: biMsg('Cara bayar tidak dikenal', 'Unknown payout method'),
    }),
    reference: optionalText(120),
    paidAt: instant().optional(),
    receiverName: nonEmptyText(120),
    approval: approval(),
  })
  .strict();

export const ledgerMethods = {
  'ledger.verify': method<LedgerVerifyResult>({ access: 'manager', kind: 'long' })(z.object({ producerId: id().optional() }).strict().optional().default({})),
  /** A deduction (e.g. packaging fee) withheld from the producer: stored negative; manager PIN and reason. */
  'ledger.deduct': method<LedgerWriteResult>({ access: 'manager', kind: 'write' })(
    z.object({ ...producerIdField, amount: positiveRupiah(), reason: reasonField, approval: approval() }).strict(),
  ),
  /** A correction of a mistake, either sign; manager PIN and reason. */
  'ledger.adjust': method<LedgerWriteResult>({ access: 'manager', kind: 'write' })(
    z
      .object({
        ...producerIdField,
        amount: signedRupiah().refine((v) => v !== 0, { error: biMsg('Koreksi tidak boleh nol', 'An adjustment cannot be zero') }),
        reason: reasonField,
        approval: approval(),
      })
      .strict(),
  ),
  /** Paged by weeks (default 12 a page, at most 500: five years fit one print). */
  'ledger.statement': method<Statement>({ access: 'manager', kind: 'read' })(
    z.object({ ...producerIdField, from: localDate().optional(), to: localDate().optional(), ...pageFields() }).strict(),
  ),
  /** The entries of one week (`week`: its last local day) of a statement, a page at a time. */
  'ledger.statementLines': method<StatementLines>({ access: 'manager', kind: 'read' })(
    z.object({ ...producerIdField, week: localDate(), from: localDate().optional(), to: localDate().optional(), ...pageFields() }).strict(),
  ),
  'ledger.statementCsv': method<{ fileName: string; csv: string }>({ access: 'manager', kind: 'long' })(
    z.object({ ...producerIdField, from: localDate().optional(), to: localDate().optional() }).strict(),
  ),
  'ledger.balances': method<ProducerBalance[]>({ access: 'manager', kind: 'read' })(z.object({}).strict().optional().default({})),
  'ledger.chainCode': method<ChainCodeResult>({ access: 'manager', kind: 'read' })(z.object(producerIdField).strict()),
  /** Is a 12-hex code from an old slip still in the producer's chain? */
  'ledger.findCode': method<FindCodeResult>({ access: 'manager', kind: 'read' })(
    z
      .object({
        ...producerIdField,
        code: z
          .string()
          .trim()
          .regex(/^[0-9a-fA-F]{6,64}$/, { error: biMsg('Kode harus 6–64 digit heksadesimal', 'The code must be 6–64 hex digits') }),
      })
      .strict(),
  ),
  /** The period rule applied to a date: end instant, due date, whether it ended or was finalised. */
  'settlements.period': method<PeriodInfo & { recent: PeriodInfo[]; waiting: WaitingWeekInfo[] }>({ access: 'manager', kind: 'read' })(
    z.object({ periodEnd: localDate().optional() }).strict().optional().default({}),
  ),
  'settlements.preview': method<SettlementPreview>({ access: 'manager', kind: 'read' })(z.object({ periodEnd: localDate().optional() }).strict().optional().default({})),
  'settlements.finalize': method<{ period: PeriodInfo; settlements: SettlementSummary[] }>({ access: 'manager', kind: 'write' })(
    z.object({ periodEnd: localDate(), approval: approval() }).strict(),
  ),
  'settlements.list': method<Page<SettlementSummary>>({ access: 'manager', kind: 'read' })(
    z
      .object({
        producerId: id().optional(),
        status: statusFilter.optional(),
        periodEnd: localDate().optional(),
        ...pageFields(),
      })
      .strict()
      .optional()
      .default({}),
  ),
  'settlements.get': method<SettlementDetail>({ access: 'manager', kind: 'read' })(z.object({ id: id(), payoutId: uuid().optional() }).strict()),
  'settlements.whatsappText': method<{ text: string }>({ access: 'manager', kind: 'read' })(z.object({ id: id(), payoutId: uuid().optional() }).strict()),
  'settlements.owed': method<OwedResult>({ access: 'manager', kind: 'read' })(z.object({}).strict().optional().default({})),
  'payouts.create': method<Payout>({ access: 'manager', kind: 'write' })(payoutInput),
  'payouts.list': method<Page<Payout>>({ access: 'manager', kind: 'read' })(
    z.object({ settlementId: id().optional(), producerId: id().optional(), ...pageFields() }).strict().optional().default({}),
  ),
} as const;
