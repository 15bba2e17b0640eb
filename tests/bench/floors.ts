/**
 * Raw floors for the read-heavy rows (SPEC §11): the same rows read with bare
 * prepared statements and no computation, measured in the same run, so a
 * budget is a ratio that a slower machine or disk does not move.
 */
import type Database from 'better-sqlite3';
import { chainHash, rowFields, type LedgerEntryRow } from '../../electron/core/ledger/chain';

/**
 * settlements.preview's floor: per producer, the week's unsettled entries
 * (from the producer's settlement cursor on, before the period end, payouts
 * aside) summed with one indexed range query. No itemising, no products.
 */
export function makePreviewFloor(db: Database.Database, periodEndInstant: string): () => number {
  const producers = db.prepare('SELECT id FROM producers ORDER BY id').pluck();
  const cursor = db.prepare('SELECT COALESCE(MAX(through_seq), 0) FROM settlement_cursors WHERE producer_id = ?').pluck();
  const sum = db
    .prepare("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE producer_id = ? AND seq > ? AND +occurred_at < ? AND kind <> 'payout'")
    .pluck();
  return () => {
    let total = 0;
    for (const id of producers.all() as number[]) total += sum.get(id, cursor.get(id), periodEndInstant) as number;
    return total;
  };
}

/** reports.trust's floor: every settlement and every payout read, as the report reads them, with no computation. */
export function makeTrustFloor(db: Database.Database): () => number {
  const settlements = db.prepare('SELECT id, producer_id, number, period_end, due_date, total_due FROM settlements').raw();
  const payouts = db.prepare('SELECT settlement_id, amount, paid_at FROM payouts').raw();
  return () => settlements.all().length + payouts.all().length;
}

/** ledger.verify's floor: every entry read in chain order and hashed in one loop (the same canonical encoding). */
export function makeVerifyFloor(db: Database.Database): () => number {
  const rows = db.prepare('SELECT * FROM ledger_entries ORDER BY producer_id, seq');
  return () => {
    let n = 0;
    let last = '';
    for (const r of rows.iterate() as IterableIterator<LedgerEntryRow>) {
      last = chainHash(r.prev_hash, rowFields(r));
      n++;
    }
    if (!last && n) throw new Error('no hash');
    return n;
  };
}
