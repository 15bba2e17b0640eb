/** A producer's statement: entries with a running balance, filterable by local date, and its CSV. */
import type Database from 'better-sqlite3';
import { invalid } from '../errors';
import { addDays, localToInstant } from '../../../shared/domain/time';
import { localDateOf } from '../../../shared/domain/trustTime';
import type { Statement } from '../../../shared/contract/ledger';
import { toCsv, type CsvValue } from '../../../shared/csv';
import { ENTRY_COLUMNS, ENTRY_FROM, producerRow, toEntry, toProducerRef, type EntryRow } from './common';

export function statement(db: Database.Database, timeZone: string, input: { producerId: number; from?: string; to?: string }): Statement {
  const producer = producerRow(db, input.producerId);
  if (input.from && input.to && input.from > input.to) {
    invalid('Tanggal awal setelah tanggal akhir', 'The start date is after the end date', 'from');
  }
  const fromInstant = input.from ? localToInstant(input.from, timeZone) : null;
  const toInstant = input.to ? localToInstant(addDays(input.to, 1), timeZone) : null;
  const opening = fromInstant
    ? (db.prepare('SELECT COALESCE(SUM(amount), 0) AS b FROM ledger_entries WHERE producer_id = ? AND occurred_at < ?').get(producer.id, fromInstant) as { b: number }).b
    : 0;
  const rows = db
    .prepare(
      `SELECT ${ENTRY_COLUMNS}, s.number AS settlement_number FROM ${ENTRY_FROM}
         LEFT JOIN settlement_entries se ON se.entry_id = le.id LEFT JOIN settlements s ON s.id = se.settlement_id
        WHERE le.producer_id = ? AND le.occurred_at >= ? AND le.occurred_at < ?
        ORDER BY le.occurred_at, le.seq`,
    )
    .all(producer.id, fromInstant ?? '', toInstant ?? '9999') as EntryRow[];
  const dateOf = localDateOf(timeZone);
  let balance = opening;
  const lines = rows.map((r) => {
    balance += r.amount;
    return { ...toEntry(r), localDate: dateOf(r.occurred_at), balance };
  });
  return { producer: toProducerRef(producer), from: input.from ?? null, to: input.to ?? null, openingBalance: opening, closingBalance: balance, lines };
}

/** CSV of a statement: plain integers for amounts so a spreadsheet can add them up. */
export function statementCsv(
  db: Database.Database,
  timeZone: string,
  input: { producerId: number; from?: string; to?: string },
  progress: (done: number, total: number) => void = () => undefined,
) {
  progress(0, 0);
  const st = statement(db, timeZone, input);
  const header = ['date', 'occurred_at', 'seq', 'kind', 'product', 'quantity', 'reason', 'amount', 'balance', 'settlement', 'code'];
  const rows: CsvValue[][] = [['', '', '', 'opening_balance', '', '', '', '', st.openingBalance, '', '']];
  for (const [i, l] of st.lines.entries()) {
    if (i % 4096 === 0) progress(i, st.lines.length);
    rows.push([l.localDate, l.occurredAt, l.seq, l.kind, l.productName, l.quantity, l.reason, l.amount, l.balance, l.settlementNumber, l.code]);
  }
  const slug = st.producer.shortName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || `producer-${st.producer.id}`;
  return { fileName: `statement-${slug}-${input.from ?? 'start'}-${input.to ?? 'now'}.csv`, csv: toCsv(header, rows) };
}
