/**
 * What is not settled yet. A producer's entries are settled in sequence order,
 * so each settlement records a cursor (`settlement_cursors`): every non-payout
 * entry up to `through_seq` is settled. Unsettled entries are then read from
 * the (producer_id, seq) index from the cursor on, never by scanning the
 * producer's whole history. An entry written out of time order may have been
 * settled above the cursor; `settled_max_seq` bounds where that can be, so the
 * per-entry "already settled?" lookup runs only there.
 */
import type Database from 'better-sqlite3';
import { ENTRY_COLUMNS, type EntryRow } from './common';
import { addDays } from '../../../shared/domain/time';
import { latestEndedPeriod, periodEndInstant, type PeriodRule } from '../../../shared/domain/settlement';

export interface Cursor {
  through: number;
  settledMax: number;
}

const NOT_SETTLED = `(le.seq > ? OR NOT EXISTS (SELECT 1 FROM settlement_entries se WHERE se.entry_id = le.id))`;

/*
 * `+le.occurred_at` keeps SQLite off the (producer_id, occurred_at) index,
 * which would walk the producer's whole history before the period end.
 */
export const UNSETTLED_SQL = `SELECT ${ENTRY_COLUMNS}
     FROM ledger_entries le LEFT JOIN products p ON p.id = le.product_id
    WHERE le.producer_id = ? AND le.seq > ? AND +le.occurred_at < ? AND le.kind <> 'payout' AND ${NOT_SETTLED}
    ORDER BY le.seq`;

const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

/**
 * A producer's cursor row: the cursor of highest through_seq, and the
 * producer's latest settlement (`latest`). `producer` is an SQL expression.
 */
export const cursorColumns = (producer: string) =>
  `c.through_seq, c.settled_max_seq, c.settlement_id,
   (SELECT s.id FROM settlements s WHERE s.producer_id = ${producer} ORDER BY s.period_end DESC LIMIT 1) AS latest`;
export const cursorJoin = (producer: string) =>
  `LEFT JOIN settlement_cursors c ON c.settlement_id = (
     SELECT c2.settlement_id FROM settlement_cursors c2 WHERE c2.producer_id = ${producer} ORDER BY c2.through_seq DESC, c2.settlement_id DESC LIMIT 1)`;
export interface CursorRow {
  through_seq: number | null;
  settled_max_seq: number | null;
  settlement_id: number | null;
  latest: number | null;
}
/** The cursor a cursor row gives, or null when the producer's latest settlement has none (cursorOf then falls back). */
export const cursorFromRow = (row: CursorRow): Cursor | null =>
  row.latest === null || row.settlement_id === row.latest ? { through: row.through_seq ?? 0, settledMax: row.settled_max_seq ?? 0 } : null;

interface Statements {
  cursor: Database.Statement;
  settledMax: Database.Statement;
  unsettled: Database.Statement;
  producerIds: Database.Statement;
}
const statements = new WeakMap<Database.Database, Statements>();
/** The prepared statements of one connection (preparing them anew cost the preview more than running them). */
function st(db: Database.Database): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      cursor: db.prepare(`SELECT ${cursorColumns('?')} FROM (SELECT NULL) ${cursorJoin('?')}`),
      settledMax: db.prepare(
        `SELECT MAX(le.seq) AS s FROM settlements s JOIN settlement_entries se ON se.settlement_id = s.id
           JOIN ledger_entries le ON le.id = se.entry_id WHERE s.producer_id = ?`,
      ),
      unsettled: db.prepare(UNSETTLED_SQL),
      producerIds: db.prepare('SELECT id FROM producers ORDER BY id').pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

export function cursorOf(db: Database.Database, producerId: number): Cursor {
  const s = st(db);
  const cursor = cursorFromRow(s.cursor.get(producerId, producerId) as CursorRow);
  if (cursor) return cursor;
  // A settlement written without its cursor (not through settlements.finalize): fall back to
  // checking every entry up to the highest settled one. Slow, but never counts an entry twice.
  const settled = s.settledMax.get(producerId) as { s: number | null };
  return { through: 0, settledMax: settled.s ?? 0 };
}

function unsettledRows(db: Database.Database, producerId: number, before: string): EntryRow[] {
  const c = cursorOf(db, producerId);
  return st(db).unsettled.all(producerId, c.through, before, c.settledMax) as EntryRow[];
}

/** Every producer's unsettled entries that occurred before `endInstant`, in (producer, seq) order. */
export function unsettledBefore(db: Database.Database, endInstant: string): EntryRow[] {
  const ids = st(db).producerIds.all() as number[];
  return ids.flatMap((id) => unsettledRows(db, id, endInstant));
}

/** One producer's unsettled entries (any time), in seq order. */
export const unsettledOf = (db: Database.Database, producerId: number): EntryRow[] => unsettledRows(db, producerId, FAR_FUTURE);

/**
 * The cursor after settling `included` (every unsettled entry before
 * `endInstant`): just below the first unsettled non-payout entry that stays
 * unsettled, else the chain head.
 */
export function cursorAfter(db: Database.Database, producerId: number, endInstant: string, included: { seq: number }[]): Cursor {
  const prev = cursorOf(db, producerId);
  const left = db
    .prepare(
      `SELECT MIN(le.seq) AS s FROM ledger_entries le
        WHERE le.producer_id = ? AND le.seq > ? AND +le.occurred_at >= ? AND le.kind <> 'payout' AND ${NOT_SETTLED}`,
    )
    .get(producerId, prev.through, endInstant, prev.settledMax) as { s: number | null };
  const settledMax = Math.max(prev.settledMax, ...included.map((e) => e.seq));
  if (left.s !== null) return { through: left.s - 1, settledMax };
  const head = db.prepare('SELECT MAX(seq) AS s FROM ledger_entries WHERE producer_id = ?').get(producerId) as { s: number | null };
  return { through: Math.max(prev.through, head.s ?? 0), settledMax };
}

export const latestFinalisedEnd = (db: Database.Database): string | null =>
  (db.prepare('SELECT MAX(period_end) AS e FROM settlements').get() as { e: string | null }).e;

/**
 * The unsettled total of a producer, and the lowest the settlement that will
 * take an entry written NOW can come to: that settlement starts at the end of
 * whichever ended period is finalised last before it, so every such cut is
 * tried. A deduction or adjustment must keep this floor at zero or above.
 */
export function unsettledFloor(db: Database.Database, producerId: number, now: string, rule: PeriodRule): { total: number; floor: number } {
  const entries = unsettledOf(db, producerId).map((e) => ({ t: Date.parse(e.occurred_at), amount: e.amount }));
  const total = entries.reduce((s, e) => s + e.amount, 0);
  if (entries.length === 0) return { total: 0, floor: 0 };
  const earliest = Math.min(...entries.map((e) => e.t));
  const lastFinal = latestFinalisedEnd(db);
  const stop = Math.max(lastFinal ? Date.parse(lastFinal) : -Infinity, earliest);
  let floor = total;
  let day = latestEndedPeriod(now, rule);
  for (let cut = Date.parse(periodEndInstant(day, rule)); cut > stop; cut = Date.parse(periodEndInstant(day, rule))) {
    let suffix = 0;
    for (const e of entries) if (e.t >= cut) suffix += e.amount;
    floor = Math.min(floor, suffix);
    day = addDays(day, -7);
  }
  return { total, floor };
}
