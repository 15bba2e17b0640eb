import { describe, expect, it } from 'vitest';
import { appendLedgerEntry, chainHead, producerBalance } from '../../electron/core/ledger/chain';
import { GENESIS_HASH } from '../../shared/domain/ledgerChain';
import { makeTestCore } from '../helpers/core';

function seedProducer(db: import('better-sqlite3').Database, name: string): number {
  const at = '2026-11-02T02:00:00.000Z';
  return Number(
    db.prepare('INSERT INTO producers (name, short_name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, name.slice(0, 6), at, at)
      .lastInsertRowid,
  );
}

describe('producer ledger hash chain', () => {
  it('chains entries per producer, refuses UPDATE and DELETE, and verify names a tampered entry', () => {
    const t = makeTestCore();
    const db = t.core.db!;
    const a = seedProducer(db, 'Bu Sari');
    const b = seedProducer(db, 'Pak Darto');
    db.transaction(() => {
      appendLedgerEntry(db, { producerId: a, kind: 'sale', amount: 8000, occurredAt: '2026-11-02T03:00:00.000Z' });
      appendLedgerEntry(db, { producerId: b, kind: 'sale', amount: 5000, occurredAt: '2026-11-02T03:01:00.000Z' });
      appendLedgerEntry(db, { producerId: a, kind: 'refund', amount: -2000, occurredAt: '2026-11-02T03:02:00.000Z' });
      appendLedgerEntry(db, { producerId: a, kind: 'adjustment', amount: 150, occurredAt: '2026-11-02T03:03:00.000Z', reason: 'koreksi' });
    })();
    expect(producerBalance(db, a)).toBe(6150);
    expect(chainHead(db, a)).not.toBe(GENESIS_HASH);
    const ok = t.ok('ledger.verify', {});
    expect(ok.ok).toBe(true);
    expect(ok.entriesChecked).toBe(4);

    expect(() => db.prepare('UPDATE ledger_entries SET amount = 1 WHERE producer_id = ?').run(a)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ledger_entries').run()).toThrow(/append-only/);
    expect(() => appendLedgerEntry(db, { producerId: a, kind: 'sale', amount: 1, occurredAt: 'x' })).toThrow(/inside a transaction/);

    // Tamper behind the app's back: drop the guard, change an amount.
    db.exec('DROP TRIGGER ledger_entries_no_update');
    const victim = db.prepare('SELECT id FROM ledger_entries WHERE producer_id = ? AND seq = 2').get(a) as { id: number };
    db.prepare('UPDATE ledger_entries SET amount = -20 WHERE id = ?').run(victim.id);
    const bad = t.ok('ledger.verify', {});
    expect(bad.ok).toBe(false);
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatchObject({ producerId: a, entryId: victim.id, seq: 2, problem: 'hash' });
    expect(t.ok('ledger.verify', { producerId: b }).ok).toBe(true);
    t.close();
  });
});
