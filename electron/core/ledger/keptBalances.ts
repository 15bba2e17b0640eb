/**
 * Balances kept per producer (migrations/0014_kept_sums.sql): the triggers add
 * every ledger entry, settlement and payout to `producer_balances` as it is
 * written, so `ledger.balances` reads one row per producer instead of summing
 * five years of entries. `checkKeptBalances` recomputes them from the rows for
 * `ledger.verify`, which reports any difference.
 */
import type Database from 'better-sqlite3';
import type { KeptSumProblem } from '../../../shared/contract/ledger';

export interface KeptBalanceRow {
  producer_id: number;
  balance: number;
  entries: number;
  settled: number;
  paid: number;
}

export function keptBalance(db: Database.Database, producerId: number): KeptBalanceRow {
  return (
    (db.prepare('SELECT * FROM producer_balances WHERE producer_id = ?').get(producerId) as KeptBalanceRow | undefined) ?? {
      producer_id: producerId,
      balance: 0,
      entries: 0,
      settled: 0,
      paid: 0,
    }
  );
}

const FIELDS = ['balance', 'entries', 'settled', 'paid'] as const;

/** Every kept figure against the sum of its rows; one problem per figure that differs. */
export function checkKeptBalances(db: Database.Database, producerId?: number): KeptSumProblem[] {
  const actual = db
    .prepare(
      `SELECT pr.id AS producer_id,
              COALESCE((SELECT SUM(amount) FROM ledger_entries le WHERE le.producer_id = pr.id), 0) AS balance,
              (SELECT COUNT(*) FROM ledger_entries le WHERE le.producer_id = pr.id) AS entries,
              COALESCE((SELECT SUM(total_due) FROM settlements s WHERE s.producer_id = pr.id), 0) AS settled,
              COALESCE((SELECT SUM(amount) FROM payouts po WHERE po.producer_id = pr.id), 0) AS paid
         FROM producers pr ${producerId === undefined ? '' : 'WHERE pr.id = ?'} ORDER BY pr.id`,
    )
    .all(...(producerId === undefined ? [] : [producerId])) as KeptBalanceRow[];
  const problems: KeptSumProblem[] = [];
  for (const a of actual) {
    const kept = db.prepare('SELECT * FROM producer_balances WHERE producer_id = ?').get(a.producer_id) as KeptBalanceRow | undefined;
    for (const f of FIELDS) {
      const k = kept?.[f] ?? null;
      if (k !== a[f]) {
        problems.push({
          what: `producer ${a.producer_id} ${f}`,
          kept: k,
          actual: a[f],
          message: `The kept ${f} of producer ${a.producer_id} is ${k ?? 'missing'}, its rows add up to ${a[f]}`,
        });
      }
    }
  }
  return problems;
}
