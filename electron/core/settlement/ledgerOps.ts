/** Deductions, adjustments, balances and chain codes of the producer ledger. */
import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { invalid } from '../errors';
import { audit } from '../audit';
import { appendLedgerEntry, chainHead, producerBalance, verifyLedger } from '../ledger/chain';
import { requireManager } from '../staff/approval';
import { formatRupiah } from '../../../shared/money';
import { chainCode } from '../../../shared/domain/ledgerChain';
import type { ChainCodeResult, FindCodeResult, LedgerWriteResult, ProducerBalance } from '../../../shared/contract/ledger';
import { ENTRY_COLUMNS, ENTRY_FROM, nowOf, periodRule, producerRow, toEntry, toProducerRef, type EntryRow } from './common';
import { unsettledFloor } from './unsettled';

export function entryById(db: Database.Database, entryId: number) {
  const row = db
    .prepare(
      `SELECT ${ENTRY_COLUMNS}, s.number AS settlement_number FROM ${ENTRY_FROM}
         LEFT JOIN settlement_entries se ON se.entry_id = le.id LEFT JOIN settlements s ON s.id = se.settlement_id
        WHERE le.id = ?`,
    )
    .get(entryId) as EntryRow;
  return toEntry(row);
}

interface ManualEntry {
  producerId: number;
  /** Signed amount as stored. */
  amount: number;
  reason: string;
  approval: { staffId: number; pin: string };
}

/**
 * A deduction or adjustment: manager approval, a reason, an audit row, and
 * never below zero for what the next settlement would show.
 */
function writeManual(ctx: CoreContext, kind: 'deduction' | 'adjustment', input: ManualEntry): LedgerWriteResult {
  const manager = requireManager(ctx, input.approval);
  const producer = producerRow(ctx.db, input.producerId);
  const now = nowOf(ctx);
  const { floor } = unsettledFloor(ctx.db, producer.id, now, periodRule(ctx.db));
  if (floor + input.amount < 0) {
    const what = kind === 'deduction' ? ['Potongan', 'The deduction'] : ['Koreksi', 'The adjustment'];
    invalid(
      `${what[0]} ${formatRupiah(Math.abs(input.amount))} membuat setoran ${producer.name} berikutnya di bawah nol: yang belum disetor hanya ${formatRupiah(floor)}.`,
      `${what[1]} of ${formatRupiah(Math.abs(input.amount))} would take ${producer.name}'s next settlement below zero: only ${formatRupiah(floor)} is unsettled.`,
      'amount',
    );
  }
  const written = appendLedgerEntry(ctx.db, {
    producerId: producer.id,
    kind,
    amount: input.amount,
    occurredAt: now,
    refType: kind,
    reason: input.reason,
    createdBy: manager.id,
  });
  audit(ctx.db, {
    at: now,
    actorId: manager.id,
    action: `ledger.${kind === 'deduction' ? 'deduct' : 'adjust'}`,
    subjectType: 'producer',
    subjectId: producer.id,
    after: { entryId: written.id, seq: written.seq, amount: input.amount, producer: producer.name },
    reason: input.reason,
  });
  return {
    entry: entryById(ctx.db, written.id),
    balance: producerBalance(ctx.db, producer.id),
    unsettled: floor + input.amount,
  };
}

export const deduct = (ctx: CoreContext, i: { producerId: number; amount: number; reason: string; approval: ManualEntry['approval'] }) =>
  writeManual(ctx, 'deduction', { ...i, amount: -i.amount });

export const adjust = (ctx: CoreContext, i: ManualEntry) => writeManual(ctx, 'adjustment', i);

/** Read from the kept balances (one row per producer), never from the entries: SPEC §11. */
export function balances(db: Database.Database): ProducerBalance[] {
  const rows = db
    .prepare(
      `SELECT pr.id, pr.name, pr.short_name, pr.active,
              COALESCE(b.balance, 0) AS balance, COALESCE(b.entries, 0) AS entries,
              COALESCE(b.settled, 0) AS settled, COALESCE(b.paid, 0) AS paid,
              COALESCE((SELECT carried_forward FROM settlements s WHERE s.producer_id = pr.id ORDER BY s.period_end DESC LIMIT 1), 0) AS carried
         FROM producers pr LEFT JOIN producer_balances b ON b.producer_id = pr.id
        ORDER BY pr.name COLLATE NOCASE, pr.id`,
    )
    .all() as { id: number; name: string; short_name: string; active: number; balance: number; entries: number; settled: number; paid: number; carried: number }[];
  return rows.map((r) => ({
    ...toProducerRef(r),
    balance: r.balance,
    owedOnSettlements: r.settled - r.paid,
    carriedForward: r.carried,
    // balance = settled totals − payouts + the negative amount carried forward + unsettled entries
    unsettled: r.balance - (r.settled - r.paid) - r.carried,
    entries: r.entries,
  }));
}

export function chainCodeOf(db: Database.Database, producerId: number): ChainCodeResult {
  producerRow(db, producerId);
  const head = chainHead(db, producerId);
  const n = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM ledger_entries WHERE producer_id = ?').get(producerId) as { n: number }).n;
  return { producerId, head, code: chainCode(head), entries: n };
}

export function findCode(db: Database.Database, producerId: number, code: string): FindCodeResult {
  producerRow(db, producerId);
  const chainOk = verifyLedger(db, producerId).ok;
  const prefix = code.toLowerCase();
  const row = db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE le.producer_id = ? AND substr(le.hash, 1, ?) = ? ORDER BY le.seq DESC LIMIT 1`)
    .get(producerId, prefix.length, prefix) as EntryRow | undefined;
  if (!row) return { found: false, chainOk };
  const head = (db.prepare('SELECT MAX(seq) AS s FROM ledger_entries WHERE producer_id = ?').get(producerId) as { s: number }).s;
  return { found: true, entry: entryById(db, row.id), entriesAfter: head - row.seq, isHead: head === row.seq, chainOk };
}
