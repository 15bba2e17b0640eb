/** Finalising a period: one immutable settlement per producer, numbered ST-000001. */
import type { CoreContext } from '../context';
import { MAX_PAGE_SIZE } from '../../../shared/contract/paging';
import { conflict, invalid } from '../errors';
import { audit } from '../audit';
import { chainHead } from '../ledger/chain';
import { documentNumber, takeNumber } from '../sequences';
import { requireManager } from '../staff/approval';
import { toLocalDate } from '../../../shared/domain/time';
import type { PeriodInfo, SettlementSummary } from '../../../shared/contract/ledger';
import { nowOf, periodRule } from './common';
import { buildPreview } from './preview';
import { cursorAfter, latestFinalisedEnd } from './unsettled';
import { listSettlements } from './summaries';

export function finalize(ctx: CoreContext, input: { periodEnd: string; approval: { staffId: number; pin: string } }): {
  period: PeriodInfo;
  settlements: SettlementSummary[];
} {
  const manager = requireManager(ctx, input.approval);
  const db = ctx.db;
  const now = nowOf(ctx);
  const rule = periodRule(db);
  const p = buildPreview(db, now, rule, input.periodEnd);
  if (!p.ended) {
    invalid(
      `Periode yang berakhir ${p.periodEnd} belum selesai: setoran baru bisa difinalkan setelah periode berakhir.`,
      `The period ending ${p.periodEnd} has not ended yet: a settlement can be finalised only after its period ends.`,
      'periodEnd',
    );
  }
  if (p.finalised) {
    conflict(`Periode yang berakhir ${p.periodEnd} sudah difinalkan.`, `The period ending ${p.periodEnd} has already been finalised.`);
  }
  const last = latestFinalisedEnd(db);
  if (last !== null && last > p.periodEndInstant) {
    conflict(
      `Periode yang lebih baru (berakhir ${toLocalDate(new Date(Date.parse(last) - 1), rule.timeZone)}) sudah difinalkan; periode lama tidak bisa difinalkan lagi.`,
      `A later period (ending ${toLocalDate(new Date(Date.parse(last) - 1), rule.timeZone)}) has already been finalised; an earlier one cannot be finalised now.`,
    );
  }
  if (p.producers.length === 0) {
    invalid(
      `Tidak ada produsen untuk disetor pada periode yang berakhir ${p.periodEnd}.`,
      `There is no producer to settle for the period ending ${p.periodEnd}.`,
      'periodEnd',
    );
  }
  const insert = db.prepare(
    `INSERT INTO settlements (number, producer_id, period_start, period_end, due_date, total_due, carried_in, carried_forward, chain_head, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = db.prepare('INSERT INTO settlement_entries (settlement_id, entry_id) VALUES (?, ?)');
  const cursor = db.prepare('INSERT INTO settlement_cursors (settlement_id, producer_id, through_seq, settled_max_seq) VALUES (?, ?, ?, ?)');
  const made: { number: string; producerId: number; total: number; carriedForward?: number }[] = [];
  for (const producer of p.producers) {
    const number = documentNumber('ST', takeNumber(db, 'settlement'));
    const through = cursorAfter(db, producer.producer.id, p.periodEndInstant, p.entrySeqs.get(producer.producer.id) ?? []);
    const id = Number(
      insert.run(
        number,
        producer.producer.id,
        producer.periodStart,
        p.periodEndInstant,
        p.dueDate,
        producer.totalDue,
        producer.carriedIn,
        producer.carriedForward,
        chainHead(db, producer.producer.id),
        now,
        manager.id,
      ).lastInsertRowid,
    );
    for (const entryId of p.entryIds.get(producer.producer.id) ?? []) link.run(id, entryId);
    cursor.run(id, producer.producer.id, through.through, through.settledMax);
    made.push({ number, producerId: producer.producer.id, total: producer.totalDue, ...(producer.carriedForward < 0 ? { carriedForward: producer.carriedForward } : {}) });
  }
  audit(db, {
    at: now,
    actorId: manager.id,
    action: 'settlement.finalize',
    subjectType: 'period',
    subjectId: p.periodEnd,
    after: { periodEnd: p.periodEndInstant, dueDate: p.dueDate, settlements: made, grandTotal: p.grandTotal },
  });
  const { entryIds: _ids, entrySeqs: _seqs, producers: _producers, negative: _negative, grandTotal: _grand, ...period } = p;
  const today = toLocalDate(now, rule.timeZone);
  return { period: { ...period, finalised: true }, settlements: listSettlements(db, { periodEnd: p.periodEnd, limit: MAX_PAGE_SIZE }, today, rule).rows.reverse() };
}
