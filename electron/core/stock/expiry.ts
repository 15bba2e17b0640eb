import type { CoreContext } from '../context';
import { readSettings } from '../settings';
import { todayLocal } from '../catalogue/common';
import { addDays, daysBetween } from '../../../shared/domain/time';
import type { ExpiryBatch, ExpiryGroup, ExpiryReport } from '../../../shared/contract/stock';

interface BatchRow {
  product_id: number;
  product_name: string;
  unit: string;
  producer_id: number;
  producer_name: string;
  producer_short_name: string;
  quantity: number;
  expiry_date: string | null;
  intake_number: string;
  on_hand: number;
}

export interface Batch {
  quantity: number;
  expiryDate: string | null;
}

/**
 * Which units of each intake batch are still plausibly on hand. Stock leaves
 * earliest-expiring first (sold, returned or counted out), so the units on
 * hand are the latest-expiring ones: walk the batches from the latest expiry
 * back (batches without an expiry date count as latest) until the stock on
 * hand is used up. `batches` must be sorted earliest expiry first.
 */
export function remainingPerBatch(batches: Batch[], onHand: number): number[] {
  const remaining = batches.map(() => 0);
  let left = Math.max(0, onHand);
  for (let i = batches.length - 1; i >= 0 && left > 0; i--) {
    const take = Math.min(left, batches[i]!.quantity);
    remaining[i] = take;
    left -= take;
  }
  return remaining;
}

export function expiryReport(ctx: CoreContext, input: { withinDays?: number | undefined; producerId?: number | undefined }): ExpiryReport {
  const withinDays = input.withinDays ?? readSettings(ctx.db).expiringSoonDays;
  const today = todayLocal(ctx);
  const horizon = addDays(today, withinDays);
  const rows = ctx.db
    .prepare(
      `SELECT l.product_id, p.name AS product_name, p.unit, p.producer_id, pr.name AS producer_name, pr.short_name AS producer_short_name,
              l.quantity, l.expiry_date, i.number AS intake_number,
              COALESCE((SELECT s.on_hand FROM stock_levels s WHERE s.product_id = l.product_id), 0) AS on_hand
         FROM intake_lines l
         JOIN intakes i ON i.id = l.intake_id
         JOIN products p ON p.id = l.product_id
         JOIN producers pr ON pr.id = p.producer_id
        WHERE l.product_id IN (SELECT DISTINCT product_id FROM intake_lines WHERE expiry_date IS NOT NULL)
          AND (? IS NULL OR p.producer_id = ?)
        ORDER BY l.product_id, l.expiry_date IS NULL, l.expiry_date, l.id`,
    )
    .all(input.producerId ?? null, input.producerId ?? null) as BatchRow[];

  const groups = new Map<number, ExpiryGroup>();
  const flush = (batch: BatchRow[]) => {
    if (batch.length === 0) return;
    const remaining = remainingPerBatch(
      batch.map((b) => ({ quantity: b.quantity, expiryDate: b.expiry_date })),
      batch[0]!.on_hand,
    );
    batch.forEach((b, i) => {
      if (remaining[i]! <= 0 || b.expiry_date === null || b.expiry_date > horizon) return;
      let group = groups.get(b.producer_id);
      if (!group) {
        group = { producerId: b.producer_id, producerName: b.producer_name, producerShortName: b.producer_short_name, expired: [], expiringSoon: [] };
        groups.set(b.producer_id, group);
      }
      const item: ExpiryBatch = {
        productId: b.product_id,
        productName: b.product_name,
        unit: b.unit,
        intakeNumber: b.intake_number,
        expiryDate: b.expiry_date,
        remaining: remaining[i]!,
        daysLeft: daysBetween(today, b.expiry_date),
      };
      (b.expiry_date < today ? group.expired : group.expiringSoon).push(item);
    });
  };
  let current: BatchRow[] = [];
  for (const r of rows) {
    if (current.length > 0 && current[0]!.product_id !== r.product_id) {
      flush(current);
      current = [];
    }
    current.push(r);
  }
  flush(current);
  const producers = [...groups.values()].sort((a, b) => a.producerName.localeCompare(b.producerName));
  return { today, withinDays, producers };
}
