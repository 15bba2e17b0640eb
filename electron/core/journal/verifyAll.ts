import type Database from 'better-sqlite3';
import type { LedgerVerifyResult } from '../../../shared/contract/ledger';
import { verifySalesJournal } from './salesJournal';

/** A full `ledger.verify` also recomputes the sales journal's chain (SPEC §4: "verified with the ledger"). */
export function withSalesJournal(
  db: Database.Database,
  ledger: LedgerVerifyResult,
  producerId?: number,
  progress?: (done: number, total: number) => void,
): LedgerVerifyResult {
  if (producerId !== undefined) return ledger;
  const salesJournal = verifySalesJournal(db, progress);
  return { ...ledger, ok: ledger.ok && salesJournal.ok, salesJournal };
}
