import { z } from 'zod';
import { method, id } from './define';

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
}

export const ledgerMethods = {
  'ledger.verify': method<LedgerVerifyResult>()(z.object({ producerId: id().optional() }).strict().optional().default({})),
} as const;
