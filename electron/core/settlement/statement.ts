/**
 * A producer's statement (issue 14 item 2): one line per settlement week — sales,
 * refunds, shrinkage, deductions, adjustments, payouts, balance — a page of weeks
 * at a time, and the entries of one week on demand. Work is per page: the
 * opening balance comes from the kept balance or the nearer end of the chain,
 * and each week of the page sums only its own entries.
 */
import type Database from 'better-sqlite3';
import { invalid } from '../errors';
import { addDays, localToInstant, toLocalDate } from '../../../shared/domain/time';
import { localDateOf } from '../../../shared/domain/trustTime';
import { periodContaining, periodEndInstant, type PeriodRule } from '../../../shared/domain/settlement';
import type { Statement, StatementLines, StatementWeek } from '../../../shared/contract/ledger';
import { pageOf } from '../../../shared/contract/paging';
import { toCsv, type CsvValue } from '../../../shared/csv';
import { ENTRY_COLUMNS, ENTRY_FROM, producerRow, toEntry, toProducerRef, type EntryRow } from './common';
import { keptBalance } from '../ledger/keptBalances';

/** Weeks on a statement page unless asked otherwise: a quarter. */
export const STATEMENT_WEEKS_PER_PAGE = 12;

interface RangeInput {
  producerId: number;
  from?: string;
  to?: string;
}

interface Range {
  producer: ReturnType<typeof producerRow>;
  from: string;
  to: string;
  fromInstant: string;
  toInstant: string;
}

function resolveRange(db: Database.Database, rule: PeriodRule, now: Date, input: RangeInput): Range {
  const producer = producerRow(db, input.producerId);
  if (input.from && input.to && input.from > input.to) {
    invalid('Tanggal awal setelah tanggal akhir', 'The start date is after the end date', 'from');
  }
  const tz = rule.timeZone;
  const today = toLocalDate(now, tz);
  const first = (db.prepare('SELECT MIN(occurred_at) AS at FROM ledger_entries WHERE producer_id = ?').get(producer.id) as { at: string | null }).at;
  const to = input.to ?? today;
  const from = input.from ?? (first ? toLocalDate(new Date(first), tz) : to);
  if (from > to) invalid('Tanggal awal setelah tanggal akhir', 'The start date is after the end date', 'from');
  return { producer, from, to, fromInstant: localToInstant(from, tz), toInstant: localToInstant(addDays(to, 1), tz) };
}

/**
 * The producer's balance before an instant: summed from whichever end of the
 * chain is nearer in time (the kept balance minus the later entries, or the
 * earlier entries), so no page reads five years of entries.
 */
export function balanceBefore(db: Database.Database, producerId: number, instant: string, now: Date): number {
  const first = (db.prepare('SELECT MIN(occurred_at) AS at FROM ledger_entries WHERE producer_id = ?').get(producerId) as { at: string | null }).at;
  if (!first || instant <= first) return 0;
  const sinceFirst = Date.parse(instant) - Date.parse(first);
  const untilNow = now.getTime() - Date.parse(instant);
  if (untilNow < sinceFirst) {
    const later = (db.prepare('SELECT COALESCE(SUM(amount), 0) AS s FROM ledger_entries WHERE producer_id = ? AND occurred_at >= ?').get(producerId, instant) as { s: number }).s;
    return keptBalance(db, producerId).balance - later;
  }
  return (db.prepare('SELECT COALESCE(SUM(amount), 0) AS s FROM ledger_entries WHERE producer_id = ? AND occurred_at < ?').get(producerId, instant) as { s: number }).s;
}

/** The settlement week (its last day) and its part inside the range, as instants and local days. */
function weekBounds(weekEnd: string, range: Range, rule: PeriodRule) {
  const start = periodEndInstant(addDays(weekEnd, -7), rule);
  const end = periodEndInstant(weekEnd, rule);
  const fromInstant = start > range.fromInstant ? start : range.fromInstant;
  const toInstant = end < range.toInstant ? end : range.toInstant;
  const day = localDateOf(rule.timeZone);
  return { fromInstant, toInstant, from: day(fromInstant), to: day(new Date(Date.parse(toInstant) - 1).toISOString()) };
}

const KIND_FIELD = { sale: 'sales', refund: 'refunds', shrinkage: 'shrinkage', deduction: 'deductions', adjustment: 'adjustments', payout: 'payouts' } as const;

export function statement(db: Database.Database, rule: PeriodRule, now: Date, input: RangeInput & { offset?: number; limit?: number }): Statement {
  const range = resolveRange(db, rule, now, input);
  const firstWeek = periodContaining(range.fromInstant, rule);
  const lastWeek = periodContaining(new Date(Date.parse(range.toInstant) - 1).toISOString(), rule);
  const total = Math.round((Date.parse(`${lastWeek}T00:00:00Z`) - Date.parse(`${firstWeek}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
  const { offset, limit } = pageOf(input, STATEMENT_WEEKS_PER_PAGE);
  const sumWeek = db.prepare(
    'SELECT kind, COALESCE(SUM(amount), 0) AS s, COUNT(*) AS n FROM ledger_entries WHERE producer_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY kind',
  );
  const weeks: StatementWeek[] = [];
  let balance = 0;
  for (let i = offset; i < Math.min(total, offset + limit); i++) {
    const weekEnd = addDays(firstWeek, 7 * i);
    const b = weekBounds(weekEnd, range, rule);
    if (weeks.length === 0) balance = balanceBefore(db, range.producer.id, b.fromInstant, now);
    const week: StatementWeek = {
      weekEnd, from: b.from, to: b.to, sales: 0, refunds: 0, shrinkage: 0, deductions: 0, adjustments: 0, payouts: 0, lines: 0,
      openingBalance: balance, closingBalance: balance,
    };
    for (const r of sumWeek.all(range.producer.id, b.fromInstant, b.toInstant) as { kind: keyof typeof KIND_FIELD; s: number; n: number }[]) {
      week[KIND_FIELD[r.kind]] += r.s;
      week.lines += r.n;
      balance += r.s;
    }
    week.closingBalance = balance;
    weeks.push(week);
  }
  const openingBalance = offset === 0 && weeks[0] ? weeks[0].openingBalance : balanceBefore(db, range.producer.id, range.fromInstant, now);
  const closingBalance =
    offset + limit >= total && weeks.length > 0 ? balance : balanceBefore(db, range.producer.id, range.toInstant, now);
  return {
    producer: toProducerRef(range.producer),
    from: range.from,
    to: range.to,
    openingBalance,
    closingBalance,
    weeks: { rows: weeks, total, offset, limit },
  };
}

const LINES_SQL = `SELECT ${ENTRY_COLUMNS}, s.number AS settlement_number FROM ${ENTRY_FROM}
    LEFT JOIN settlement_entries se ON se.entry_id = le.id LEFT JOIN settlements s ON s.id = se.settlement_id
   WHERE le.producer_id = ? AND le.occurred_at >= ? AND le.occurred_at < ?
   ORDER BY le.occurred_at, le.seq`;

export function statementLines(
  db: Database.Database,
  rule: PeriodRule,
  now: Date,
  input: RangeInput & { week: string; offset?: number; limit?: number },
): StatementLines {
  const range = resolveRange(db, rule, now, input);
  const weekEnd = periodContaining(localToInstant(input.week, rule.timeZone, 12), rule);
  const b = weekBounds(weekEnd, range, rule);
  if (b.fromInstant >= b.toInstant) invalid('Minggu itu di luar rentang tanggal', 'That week is outside the date range', 'week');
  const { offset, limit } = pageOf(input);
  const id = range.producer.id;
  const openingBalance = balanceBefore(db, id, b.fromInstant, now);
  const total = (db.prepare('SELECT COUNT(*) AS n FROM ledger_entries WHERE producer_id = ? AND occurred_at >= ? AND occurred_at < ?').get(id, b.fromInstant, b.toInstant) as { n: number }).n;
  const before = offset === 0 ? 0 : (db
    .prepare('SELECT COALESCE(SUM(amount), 0) AS s FROM (SELECT amount FROM ledger_entries WHERE producer_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, seq LIMIT ?)')
    .get(id, b.fromInstant, b.toInstant, offset) as { s: number }).s;
  const rows = db.prepare(`${LINES_SQL} LIMIT ? OFFSET ?`).all(id, b.fromInstant, b.toInstant, limit, offset) as EntryRow[];
  const dateOf = localDateOf(rule.timeZone);
  let balance = openingBalance + before;
  const lines = rows.map((r) => {
    balance += r.amount;
    return { ...toEntry(r), localDate: dateOf(r.occurred_at), balance };
  });
  return { producer: toProducerRef(range.producer), weekEnd, from: b.from, to: b.to, openingBalance, rows: lines, total, offset, limit };
}

/** The statement CSV's header: plain integers for amounts so a spreadsheet can add them up. */
export const STATEMENT_CSV_HEADER = ['date', 'occurred_at', 'seq', 'kind', 'product', 'quantity', 'reason', 'amount', 'balance', 'settlement', 'code'];

/**
 * A statement's CSV rows over the range, one at a time from an iterating statement (the opening balance first),
 * and the file's name: `statementCsv` collects them, a streamed export writes them as they come.
 */
export function statementCsvRows(db: Database.Database, rule: PeriodRule, now: Date, input: RangeInput): { fileName: string; rows: Iterable<CsvValue[]> } {
  const range = resolveRange(db, rule, now, input);
  const slug = range.producer.short_name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || `producer-${range.producer.id}`;
  function* rows(): Generator<CsvValue[]> {
    const opening = balanceBefore(db, range.producer.id, range.fromInstant, now);
    yield ['', '', '', 'opening_balance', '', '', '', '', opening, '', ''];
    const dateOf = localDateOf(rule.timeZone);
    let balance = opening;
    for (const r of db.prepare(LINES_SQL).iterate(range.producer.id, range.fromInstant, range.toInstant) as IterableIterator<EntryRow>) {
      balance += r.amount;
      const l = toEntry(r);
      yield [dateOf(r.occurred_at), l.occurredAt, l.seq, l.kind, l.productName, l.quantity, l.reason, l.amount, balance, l.settlementNumber, l.code];
    }
  }
  return { fileName: `statement-${slug}-${input.from ?? 'start'}-${input.to ?? 'now'}.csv`, rows: rows() };
}

/** CSV of a statement's entries over the range: plain integers for amounts so a spreadsheet can add them up. */
export function statementCsv(
  db: Database.Database,
  rule: PeriodRule,
  now: Date,
  input: RangeInput,
  progress: (done: number, total: number) => void = () => undefined,
) {
  progress(0, 0);
  const { fileName, rows: source } = statementCsvRows(db, rule, now, input);
  const rows: CsvValue[][] = [];
  let done = 0;
  for (const row of source) {
    if (++done % 4096 === 0) progress(done, 0);
    rows.push(row);
  }
  return { fileName, csv: toCsv(STATEMENT_CSV_HEADER, rows) };
}
