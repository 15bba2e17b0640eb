import type { CoreContext } from '../context';
import { readSettings } from '../settings';
import { todayLocal } from '../catalogue/common';
import { addDays, daysBetween } from '../../../shared/domain/time';
import type { ExpiryBatch, ExpiryGroup, ExpiryReport } from '../../../shared/contract/stock';
import { lotsOnShelf, type ShelfEvent } from '../../../shared/domain/stockLots';

interface LotRow {
  id: number;
  intake_id: number;
  product_id: number;
  product_name: string;
  unit: string;
  producer_id: number;
  producer_name: string;
  producer_short_name: string;
  quantity: number;
  expiry_date: string | null;
  intake_number: string;
}

interface MovementRow {
  product_id: number;
  quantity: number;
  kind: string;
  ref_id: string;
}

/** The product's history as shelf events: each intake movement delivers its intake line's lot. */
function* shelfEvents(lots: LotRow[], movements: MovementRow[]): Generator<ShelfEvent> {
  const byIntake = new Map<string, LotRow[]>();
  for (const l of lots) {
    const key = String(l.intake_id);
    let list = byIntake.get(key);
    if (!list) byIntake.set(key, (list = []));
    list.push(l);
  }
  for (const m of movements) {
    const lot = m.kind === 'intake' ? byIntake.get(m.ref_id)?.shift() : undefined;
    if (lot) yield { kind: 'delivered', lot: { id: lot.id, quantity: lot.quantity, expiryDate: lot.expiry_date } };
    else if (m.quantity < 0) yield { kind: 'left', quantity: -m.quantity };
    else yield { kind: 'back', quantity: m.quantity };
  }
}

export function expiryReport(ctx: CoreContext, input: { withinDays?: number | undefined; producerId?: number | undefined }): ExpiryReport {
  const withinDays = input.withinDays ?? readSettings(ctx.db).expiringSoonDays;
  const today = todayLocal(ctx);
  const horizon = addDays(today, withinDays);
  const productFilter = `l.product_id IN (SELECT DISTINCT product_id FROM intake_lines WHERE expiry_date IS NOT NULL)
          AND (? IS NULL OR p.producer_id = ?)`;
  const lots = ctx.db
    .prepare(
      `SELECT l.id, l.intake_id, l.product_id, p.name AS product_name, p.unit, p.producer_id, pr.name AS producer_name, pr.short_name AS producer_short_name,
              l.quantity, l.expiry_date, i.number AS intake_number
         FROM intake_lines l
         JOIN intakes i ON i.id = l.intake_id
         JOIN products p ON p.id = l.product_id
         JOIN producers pr ON pr.id = p.producer_id
        WHERE ${productFilter}
        ORDER BY l.product_id, l.id`,
    )
    .all(input.producerId ?? null, input.producerId ?? null) as LotRow[];
  const movements = ctx.db
    .prepare(
      `SELECT m.product_id, m.quantity, m.kind, m.ref_id FROM stock_movements m
        WHERE m.product_id IN (SELECT DISTINCT l.product_id FROM intake_lines l JOIN products p ON p.id = l.product_id WHERE ${productFilter})
        ORDER BY m.product_id, m.id`,
    )
    .all(input.producerId ?? null, input.producerId ?? null) as MovementRow[];
  const movementsOf = new Map<number, MovementRow[]>();
  for (const m of movements) {
    let list = movementsOf.get(m.product_id);
    if (!list) movementsOf.set(m.product_id, (list = []));
    list.push(m);
  }

  const groups = new Map<number, ExpiryGroup>();
  const flush = (productLots: LotRow[]) => {
    if (productLots.length === 0) return;
    const remaining = lotsOnShelf(shelfEvents(productLots, movementsOf.get(productLots[0]!.product_id) ?? []));
    for (const b of productLots) {
      const left = remaining.get(b.id) ?? 0;
      if (left <= 0 || b.expiry_date === null || b.expiry_date > horizon) continue;
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
        remaining: left,
        daysLeft: daysBetween(today, b.expiry_date),
      };
      (b.expiry_date < today ? group.expired : group.expiringSoon).push(item);
    }
  };
  let current: LotRow[] = [];
  for (const r of lots) {
    if (current.length > 0 && current[0]!.product_id !== r.product_id) {
      flush(current);
      current = [];
    }
    current.push(r);
  }
  flush(current);
  for (const g of groups.values()) {
    const byExpiry = (x: ExpiryBatch, y: ExpiryBatch) => (x.expiryDate < y.expiryDate ? -1 : x.expiryDate > y.expiryDate ? 1 : x.productName.localeCompare(y.productName));
    g.expired.sort(byExpiry);
    g.expiringSoon.sort(byExpiry);
  }
  const producers = [...groups.values()].sort((a, b) => a.producerName.localeCompare(b.producerName));
  return { today, withinDays, producers };
}
