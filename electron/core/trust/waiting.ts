import type Database from 'better-sqlite3';
import type { TrustSettlement } from '../../../shared/domain/trust';
import { toLocalDate } from '../../../shared/domain/time';
import { periodRule } from '../settlement/common';
import { waitingWeeks } from '../settlement/waiting';

/**
 * Ended weeks nobody has finalised, as the trust ledger counts them (SPEC §8):
 * one unnumbered settlement per producer and week, owed from the period end,
 * due after the payment term, with no payout possible yet. Ids are negative so
 * they never meet a real settlement's payouts.
 */
export function waitingTrustSettlements(db: Database.Database, now: Date, producerId?: number): (TrustSettlement & { periodStart: string })[] {
  const rule = periodRule(db);
  const at = now.toISOString();
  let next = -1;
  const out: (TrustSettlement & { periodStart: string })[] = [];
  for (const w of waitingWeeks(db, at, toLocalDate(now, rule.timeZone), rule)) {
    for (const p of w.producers) {
      if (producerId !== undefined && p.producer.id !== producerId) continue;
      out.push({
        id: next--,
        producerId: p.producer.id,
        number: '',
        periodStart: w.periodStartInstant,
        periodEnd: w.periodEndInstant,
        dueDate: w.dueDate,
        totalDue: p.totalDue,
        finalised: false,
      });
    }
  }
  return out;
}
