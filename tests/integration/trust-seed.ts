/**
 * Test fixture for the trust ledger: producers, settlements and payouts written
 * straight into a test database (fixture only — the settlement area owns the
 * real writes). Payout ledger rows go through appendLedgerEntry.
 */
import type Database from 'better-sqlite3';
import { appendLedgerEntry, chainHead } from '../../electron/core/ledger/chain';
import { addDays, localToInstant } from '../../shared/domain/time';

export interface SeedPayout {
  /** Local date and time of payment. */
  date: string;
  time?: string; // 'HH:MM', default 10:00
  amount: number;
  method?: 'cash_drawer' | 'cash_safe' | 'transfer' | 'ewallet';
  /** When it was recorded (back-dating); default = paid time. */
  recordedDate?: string;
}
export interface SeedSettlement {
  /** Local date of the period end (Monday 00:00 local = "Sunday 24:00"). */
  periodEnd: string;
  dueDays?: number; // default 2
  total: number;
  payouts?: SeedPayout[];
}
export interface SeedProducer {
  name: string;
  shortName: string;
  settlements?: SeedSettlement[];
}

let uuidCounter = 0;
const fakeUuid = () => {
  uuidCounter += 1;
  return `00000000-0000-4000-8000-${String(uuidCounter).padStart(12, '0')}`;
};

export function seedTrust(db: Database.Database, producers: SeedProducer[], timeZone = 'Asia/Jakarta'): { producerIds: number[]; settlementIds: number[][] } {
  const at = '2026-01-01T00:00:00.000Z';
  const insProducer = db.prepare('INSERT INTO producers (name, short_name, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const insSettlement = db.prepare(
    `INSERT INTO settlements (number, producer_id, period_start, period_end, due_date, total_due, chain_head, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insLink = db.prepare('INSERT INTO settlement_entries (settlement_id, entry_id) VALUES (?, ?)');
  const insPayout = db.prepare(
    `INSERT INTO payouts (id, settlement_id, producer_id, amount, method, reference, paid_at, receiver_name, ledger_entry_id, created_at, request_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const maxNo = (db.prepare('SELECT COUNT(*) AS n FROM settlements').get() as { n: number }).n;
  let number = maxNo;
  const producerIds: number[] = [];
  const settlementIds: number[][] = [];
  db.transaction(() => {
    for (const p of producers) {
      const pid = Number(insProducer.run(p.name, p.shortName, at, at).lastInsertRowid);
      producerIds.push(pid);
      const ids: number[] = [];
      let prevEnd: string | null = null;
      for (const s of [...(p.settlements ?? [])].sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1))) {
        const periodEnd = localToInstant(s.periodEnd, timeZone);
        let saleId: number | null = null;
        if (s.total > 0) {
          saleId = appendLedgerEntry(db, { producerId: pid, kind: 'sale', amount: s.total, occurredAt: new Date(Date.parse(periodEnd) - 3_600_000).toISOString() }).id;
        }
        number += 1;
        const sid = Number(
          insSettlement.run(`ST-${String(number).padStart(6, '0')}`, pid, prevEnd, periodEnd, addDays(s.periodEnd, s.dueDays ?? 2), s.total, chainHead(db, pid), periodEnd).lastInsertRowid,
        );
        if (saleId !== null) insLink.run(sid, saleId);
        ids.push(sid);
        prevEnd = periodEnd;
        for (const pay of s.payouts ?? []) {
          const [hh, mm] = (pay.time ?? '10:00').split(':').map(Number) as [number, number];
          const paidAt = localToInstant(pay.date, timeZone, hh, mm);
          const recordedAt = pay.recordedDate ? localToInstant(pay.recordedDate, timeZone, 12, 0) : paidAt;
          const id = fakeUuid();
          const entry = appendLedgerEntry(db, { producerId: pid, kind: 'payout', amount: -pay.amount, occurredAt: paidAt, refType: 'payout', refId: id });
          insPayout.run(id, sid, pid, pay.amount, pay.method ?? 'cash_safe', '', paidAt, p.name, entry.id, recordedAt, `seed-${id}`);
        }
      }
      settlementIds.push(ids);
    }
  })();
  return { producerIds, settlementIds };
}
