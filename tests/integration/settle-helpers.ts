/**
 * Seeding for the settlement tests: producers, products and ledger activity
 * written straight to the real SQLite file (as selling and stock counts write
 * it, through appendLedgerEntry), so these tests do not depend on other areas.
 */
import type Database from 'better-sqlite3';
import { appendLedgerEntry, producerBalance, verifyLedger } from '../../electron/core/ledger/chain';
import type { LedgerKind } from '../../shared/domain/ledgerChain';
import type { TestCore } from '../helpers/core';

export function seedProducer(db: Database.Database, name: string, opts: { active?: boolean; createdAt?: string } = {}): number {
  const at = opts.createdAt ?? '2026-10-01T02:00:00.000Z';
  return Number(
    db
      .prepare('INSERT INTO producers (name, short_name, phone, address, payout_method, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(name, name.split(' ').pop()!.slice(0, 8), '0812-0000-0000', 'Telang', 'cash', opts.active === false ? 0 : 1, at, at).lastInsertRowid,
  );
}

export function seedProduct(db: Database.Database, producerId: number, name: string, unit = 'bungkus'): number {
  const at = '2026-10-01T02:00:00.000Z';
  return Number(
    db.prepare('INSERT INTO products (producer_id, name, unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(producerId, name, unit, at, at)
      .lastInsertRowid,
  );
}

export interface EntrySpec {
  producerId: number;
  kind: LedgerKind;
  amount: number;
  at: string;
  productId?: number;
  quantity?: number;
  reason?: string;
}

export function writeEntry(db: Database.Database, e: EntrySpec): number {
  return db.transaction(() =>
    appendLedgerEntry(db, {
      producerId: e.producerId,
      kind: e.kind,
      amount: e.amount,
      occurredAt: e.at,
      productId: e.productId ?? null,
      quantity: e.quantity ?? null,
      reason: e.reason ?? '',
      refType: e.kind === 'sale' ? 'sale_line' : e.kind,
    }),
  )().id;
}

/** Row counts of every table a settlement operation may write. */
export function counts(db: Database.Database): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['ledger_entries', 'settlements', 'settlement_entries', 'settlement_cursors', 'payouts', 'audit_log']) {
    // A refused wrong PIN is itself audited (auth.pinFailed, SPEC §5): not a change of the ledger's.
    out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}${t === 'audit_log' ? " WHERE action NOT LIKE 'auth.%'" : ''}`).get() as { n: number }).n;
  }
  return out;
}

/** The invariants of SPEC §6, checked straight on the database and through the API. */
export function checkInvariants(t: TestCore): void {
  const db = t.core.db!;
  const producers = db.prepare('SELECT id FROM producers').all() as { id: number }[];
  const balances = new Map(t.ok('ledger.balances', {}).map((b) => [b.id, b]));
  for (const { id } of producers) {
    const sum = (db.prepare('SELECT COALESCE(SUM(amount), 0) AS s FROM ledger_entries WHERE producer_id = ?').get(id) as { s: number }).s;
    const b = balances.get(id)!;
    if (b.balance !== sum || producerBalance(db, id) !== sum) throw new Error(`producer ${id}: balance ${b.balance} ≠ sum of entries ${sum}`);
  }
  const over = db
    .prepare(
      `SELECT s.number, s.total_due, COALESCE(SUM(p.amount), 0) AS paid FROM settlements s LEFT JOIN payouts p ON p.settlement_id = s.id
        GROUP BY s.id HAVING paid > s.total_due`,
    )
    .all();
  if (over.length) throw new Error(`overpaid settlements: ${JSON.stringify(over)}`);
  const twice = db.prepare('SELECT entry_id FROM settlement_entries GROUP BY entry_id HAVING COUNT(*) > 1').all();
  if (twice.length) throw new Error(`entries in two settlements: ${JSON.stringify(twice)}`);
  const mismatch = db
    .prepare(
      // a negative week carries forward (SPEC §7): entries + carried in = total due + carried forward
      `SELECT s.number FROM settlements s WHERE s.total_due + s.carried_forward <> s.carried_in + COALESCE((SELECT SUM(le.amount) FROM settlement_entries se JOIN ledger_entries le ON le.id = se.entry_id WHERE se.settlement_id = s.id), 0)`,
    )
    .all();
  if (mismatch.length) throw new Error(`settlement totals ≠ their entries: ${JSON.stringify(mismatch)}`);
  const broken = db
    .prepare(
      `SELECT s.number FROM settlements s WHERE s.carried_in <> COALESCE((SELECT p.carried_forward FROM settlements p
          WHERE p.producer_id = s.producer_id AND p.period_end < s.period_end ORDER BY p.period_end DESC LIMIT 1), 0)`,
    )
    .all();
  if (broken.length) throw new Error(`a carried amount was lost or invented: ${JSON.stringify(broken)}`);
  const payoutSettled = db.prepare(`SELECT se.entry_id FROM settlement_entries se JOIN ledger_entries le ON le.id = se.entry_id WHERE le.kind = 'payout'`).all();
  if (payoutSettled.length) throw new Error('a payout entry was settled');
  const verify = verifyLedger(db);
  if (!verify.ok) throw new Error(`ledger.verify: ${JSON.stringify(verify.problems)}`);
  if (!t.ok('ledger.verify', {}).ok) throw new Error('ledger.verify via API failed');
}
