import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalEntry, GENESIS_HASH, type ChainedFields, type LedgerKind } from '../../../shared/domain/ledgerChain';
import type { LedgerVerifyProblem, LedgerVerifyResult } from '../../../shared/contract/ledger';
import { assertRupiah } from '../../../shared/money';

export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalEntry(fields)).digest('hex');
}

export interface NewLedgerEntry {
  producerId: number;
  kind: LedgerKind;
  amount: number;
  occurredAt: string;
  refType?: string;
  refId?: string | number;
  productId?: number | null;
  quantity?: number | null;
  reason?: string;
  createdBy?: number | null;
}

export interface LedgerEntryRow {
  id: number;
  producer_id: number;
  seq: number;
  kind: LedgerKind;
  amount: number;
  occurred_at: string;
  ref_type: string;
  ref_id: string;
  product_id: number | null;
  quantity: number | null;
  reason: string;
  created_by: number | null;
  prev_hash: string;
  hash: string;
}

const statements = new WeakMap<Database.Database, { head: Database.Statement; insert: Database.Statement }>();
function prepared(db: Database.Database) {
  let s = statements.get(db);
  if (!s) {
    s = {
      head: db.prepare('SELECT seq, hash FROM ledger_entries WHERE producer_id = ? ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        `INSERT INTO ledger_entries (producer_id, seq, kind, amount, occurred_at, ref_type, ref_id, product_id, quantity, reason, created_by, prev_hash, hash)
         VALUES (@producerId, @seq, @kind, @amount, @occurredAt, @refType, @refId, @productId, @quantity, @reason, @createdBy, @prevHash, @hash)`,
      ),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Appends one entry to a producer's chain. Must run inside the caller's
 * transaction: the head read and the insert are one atomic step there.
 */
export function appendLedgerEntry(db: Database.Database, entry: NewLedgerEntry): { id: number; seq: number; hash: string } {
  if (!db.inTransaction) throw new Error('appendLedgerEntry must run inside a transaction');
  assertRupiah(entry.amount, { allowNegative: true });
  const s = prepared(db);
  const head = s.head.get(entry.producerId) as { seq: number; hash: string } | undefined;
  const fields: ChainedFields = {
    producerId: entry.producerId,
    seq: (head?.seq ?? 0) + 1,
    kind: entry.kind,
    amount: entry.amount,
    occurredAt: entry.occurredAt,
    refType: entry.refType ?? '',
    refId: entry.refId === undefined ? '' : String(entry.refId),
    productId: entry.productId ?? null,
    quantity: entry.quantity ?? null,
    reason: entry.reason ?? '',
    createdBy: entry.createdBy ?? null,
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, fields);
  const info = s.insert.run({ ...fields, prevHash, hash });
  return { id: Number(info.lastInsertRowid), seq: fields.seq, hash };
}

/** The producer's chain head (full hex), or the genesis hash for an empty chain. */
export function chainHead(db: Database.Database, producerId: number): string {
  const head = prepared(db).head.get(producerId) as { hash: string } | undefined;
  return head?.hash ?? GENESIS_HASH;
}

/** The hashed columns of a ledger row (what `rowFields` reads). */
export type ChainedRow = Omit<LedgerEntryRow, 'id' | 'prev_hash' | 'hash'>;

export function rowFields(r: ChainedRow): ChainedFields {
  return {
    producerId: r.producer_id,
    seq: r.seq,
    kind: r.kind,
    amount: r.amount,
    occurredAt: r.occurred_at,
    refType: r.ref_type,
    refId: r.ref_id,
    productId: r.product_id,
    quantity: r.quantity,
    reason: r.reason,
    createdBy: r.created_by,
  };
}

/**
 * Progress every this many entries (a few ms of hashing): often enough for a
 * smooth bar, and for long work to give way to the till between steps
 * (runtime/jobs.ts); rare enough to cost nothing.
 */
const PROGRESS_EVERY = 256;

/**
 * Recomputes every chain (or one producer's) from the stored rows and names
 * the first entry per producer whose sequence, previous hash or hash does not
 * match what its predecessors imply. `progress` hears (done, total) entries
 * and may throw to stop (a cancelled verify: it only reads).
 */
export function verifyLedger(
  db: Database.Database,
  producerId?: number,
  progress?: (done: number, total: number) => void,
): LedgerVerifyResult {
  const total = progress
    ? (db.prepare(`SELECT count(*) FROM ledger_entries ${producerId === undefined ? '' : 'WHERE producer_id = ?'}`).pluck().get(
        ...(producerId === undefined ? [] : [producerId]),
      ) as number)
    : 0;
  progress?.(0, total);
  const rows = db
    .prepare(
      `SELECT * FROM ledger_entries ${producerId === undefined ? '' : 'WHERE producer_id = ?'} ORDER BY producer_id, seq`,
    )
    .iterate(...(producerId === undefined ? [] : [producerId])) as IterableIterator<LedgerEntryRow>;
  const problems: LedgerVerifyProblem[] = [];
  const heads: LedgerVerifyResult['heads'] = [];
  let current = -1;
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let broken = false;
  let count = 0;
  let entries = 0;
  const closeProducer = () => {
    if (current !== -1) heads.push({ producerId: current, head: prev, entries: count });
  };
  for (const r of rows) {
    entries++;
    if (progress && entries % PROGRESS_EVERY === 0) progress(entries, total);
    if (r.producer_id !== current) {
      closeProducer();
      current = r.producer_id;
      expectedSeq = 1;
      prev = GENESIS_HASH;
      broken = false;
      count = 0;
    }
    count++;
    if (!broken) {
      let problem: LedgerVerifyProblem['problem'] | null = null;
      if (r.seq !== expectedSeq) problem = 'seq';
      else if (r.prev_hash !== prev) problem = 'prev_hash';
      else if (chainHash(prev, rowFields(r)) !== r.hash) problem = 'hash';
      if (problem) {
        broken = true;
        problems.push({
          producerId: r.producer_id,
          entryId: r.id,
          seq: r.seq,
          problem,
          message:
            problem === 'hash'
              ? `Entry ${r.id} (producer ${r.producer_id}, #${r.seq}) does not match its hash: it was changed after it was written`
              : problem === 'prev_hash'
                ? `Entry ${r.id} (producer ${r.producer_id}, #${r.seq}) does not follow the entry before it`
                : `Entry ${r.id} (producer ${r.producer_id}) has sequence ${r.seq}, expected ${expectedSeq}: an entry is missing`,
        });
      }
    }
    expectedSeq = r.seq + 1;
    prev = r.hash;
  }
  closeProducer();
  progress?.(entries, Math.max(total, entries));
  return {
    ok: problems.length === 0,
    producersChecked: heads.length,
    entriesChecked: entries,
    problems,
    heads,
  };
}

/** A producer's balance: what the shop owes them, the sum of their entries. */
export function producerBalance(db: Database.Database, producerId: number): number {
  return (db.prepare('SELECT COALESCE(SUM(amount), 0) AS b FROM ledger_entries WHERE producer_id = ?').get(producerId) as { b: number }).b;
}
