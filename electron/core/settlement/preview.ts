/** The settlement preview of a period: nothing is written. */
import type Database from 'better-sqlite3';
import { invalid } from '../errors';
import { itemise, type ItemisableEntry } from '../../../shared/domain/settlementItems';
import { carryForward } from '../../../shared/domain/settlementCarry';
import {
  dueDateOf,
  isPeriodLastDay,
  latestEndedPeriod,
  periodEndInstant,
  periodStartInstant,
  recentEndedPeriods,
  type PeriodRule,
} from '../../../shared/domain/settlement';
import type { PeriodInfo, ProducerPreview, SettlementPreview } from '../../../shared/contract/ledger';
import { toItemisable, toProducerRef } from './common';
import { unsettledBefore } from './unsettled';
import { unsettledGroupsBefore } from './previewGroups';

const WEEKDAYS = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export function periodInfo(db: Database.Database, now: string, rule: PeriodRule, lastDay?: string): PeriodInfo {
  const day = lastDay ?? latestEndedPeriod(now, rule);
  if (!isPeriodLastDay(day, rule)) {
    invalid(
      `${day} bukan akhir periode setoran: periode berakhir setiap hari ${WEEKDAYS.id[rule.weekday - 1]}.`,
      `${day} is not the end of a settlement period: periods end every ${WEEKDAYS.en[rule.weekday - 1]}.`,
      'periodEnd',
    );
  }
  const end = periodEndInstant(day, rule);
  const finalised = st(db).finalised.get(end) !== undefined;
  return {
    periodEnd: day,
    periodEndInstant: end,
    periodStartInstant: periodStartInstant(day, rule),
    dueDate: dueDateOf(day, rule),
    ended: Date.parse(end) <= Date.parse(now),
    finalised,
  };
}

export function recentPeriods(db: Database.Database, now: string, rule: PeriodRule, count = 8): PeriodInfo[] {
  return recentEndedPeriods(now, rule, count).map((d) => periodInfo(db, now, rule, d));
}

export interface PreviewWithEntries extends SettlementPreview {
  entryIds: Map<number, number[]>;
  entrySeqs: Map<number, { seq: number }[]>;
}

interface Statements {
  finalised: Database.Statement;
  producers: Database.Statement;
}
const statements = new WeakMap<Database.Database, Statements>();
function st(db: Database.Database): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      finalised: db.prepare('SELECT 1 FROM settlements WHERE period_end = ? LIMIT 1'),
      // each producer with its latest settlement (where the next one starts, and the negative amount it carries),
      // as one JSON array of rows (cheaper than a row each through better-sqlite3)
      producers: db
        .prepare(
          `SELECT json_group_array(json_array(p.id, p.name, p.short_name, p.active, p.created_at, s.period_end, s.carried_forward) ORDER BY p.name COLLATE NOCASE, p.id)
             FROM producers p LEFT JOIN settlements s ON s.id = (SELECT s2.id FROM settlements s2 WHERE s2.producer_id = p.id ORDER BY s2.period_end DESC LIMIT 1)`,
        )
        .pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * `grouped`: read the entries grouped (previewGroups.ts) — the same items
 * and totals, but no entry ids: for the preview, not for finalising.
 * `force` (tests): make the grouped read use the index or the scan.
 */
export function buildPreview(db: Database.Database, now: string, rule: PeriodRule, lastDay?: string, grouped = false, force?: 'index' | 'scan'): PreviewWithEntries {
  const info = periodInfo(db, now, rule, lastDay);
  const byProducer = new Map<number, { rows: ItemisableEntry[]; ids: number[]; seqs: { seq: number }[]; entryCount: number }>();
  if (grouped) {
    for (const [id, g] of unsettledGroupsBefore(db, info.periodEndInstant, force)) byProducer.set(id, { rows: g.rows, ids: [], seqs: [], entryCount: g.entryCount });
  } else {
    for (const row of unsettledBefore(db, info.periodEndInstant)) {
      let e = byProducer.get(row.producer_id);
      if (!e) byProducer.set(row.producer_id, (e = { rows: [], ids: [], seqs: [], entryCount: 0 }));
      e.rows.push(toItemisable(row));
      e.ids.push(row.id);
      e.seqs.push({ seq: row.seq });
      e.entryCount += 1;
    }
  }
  const s = st(db);
  const producers = (JSON.parse(s.producers.get() as string) as [number, string, string, number, string, string | null, number | null][])
    .map(([id, name, short_name, active, created_at, prev_end, prev_carry]) => ({ id, name, short_name, active, created_at, prev_end, prev_carry }))
    .filter((p) => byProducer.has(p.id) || (p.active === 1 && p.created_at < info.periodEndInstant));
  const entryIds = new Map<number, number[]>();
  const entrySeqs = new Map<number, { seq: number }[]>();
  const list: ProducerPreview[] = producers.map((p) => {
    const e = byProducer.get(p.id);
    entryIds.set(p.id, e?.ids ?? []);
    entrySeqs.set(p.id, e?.seqs ?? []);
    const items = itemise(e?.rows ?? []);
    return {
      producer: toProducerRef(p),
      periodStart: p.prev_end,
      ...items,
      ...carryForward(items.totalDue, p.prev_carry ?? 0),
      ...(grouped ? { entryCount: e?.entryCount ?? 0 } : {}),
    };
  });
  return {
    ...info,
    producers: list,
    grandTotal: list.reduce((s, p) => s + p.totalDue, 0),
    negative: list.filter((p) => p.carriedForward < 0).map((p) => ({ producerId: p.producer.id, name: p.producer.name, total: p.carriedForward })),
    entryIds,
    entrySeqs,
  };
}

/** The preview as the contract returns it (without the internal entry ids). */
export function preview(db: Database.Database, now: string, rule: PeriodRule, lastDay?: string): SettlementPreview {
  const { entryIds: _ids, entrySeqs: _seqs, ...rest } = buildPreview(db, now, rule, lastDay, true);
  return rest;
}
