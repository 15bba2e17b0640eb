import type Database from 'better-sqlite3';
import type { InsightEvent } from '../../../shared/domain/insight';
import { localToInstant, zoneOffsetMinutes, type LocalDate } from '../../../shared/domain/time';

/**
 * Reads for "what sells": a producer's products, their stock movements since a
 * local date (as insight events), their stock before it, and the delivery days.
 * Returns are read from return_lines (they carry the reason) instead of their
 * 'return' movements, which carry the same units.
 */

export interface ProductRow {
  id: number;
  name: string;
  unit: string;
  perishable: boolean;
  active: boolean;
  onHand: number;
}

export interface ProducerRow {
  id: number;
  name: string;
  shortName: string;
  phone: string;
  active: boolean;
}

export function producerRow(db: Database.Database, producerId: number): ProducerRow | undefined {
  const r = db.prepare('SELECT id, name, short_name, phone, active FROM producers WHERE id = ?').get(producerId) as
    | { id: number; name: string; short_name: string; phone: string; active: number }
    | undefined;
  return r && { id: r.id, name: r.name, shortName: r.short_name, phone: r.phone, active: r.active === 1 };
}

export function producerRows(db: Database.Database): ProducerRow[] {
  return (db.prepare('SELECT id, name, short_name, phone, active FROM producers ORDER BY name COLLATE NOCASE, id').all() as {
    id: number;
    name: string;
    short_name: string;
    phone: string;
    active: number;
  }[]).map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, phone: r.phone, active: r.active === 1 }));
}

export function productRows(db: Database.Database, producerId: number): ProductRow[] {
  return (db
    .prepare(
      `SELECT p.id, p.name, p.unit, p.perishable, p.active, COALESCE(l.on_hand, 0) AS on_hand
         FROM products p LEFT JOIN stock_levels l ON l.product_id = p.id
        WHERE p.producer_id = ? ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .all(producerId) as { id: number; name: string; unit: string; perishable: number; active: number; on_hand: number }[]).map((r) => ({
    id: r.id,
    name: r.name,
    unit: r.unit,
    perishable: r.perishable === 1,
    active: r.active === 1,
    onHand: r.on_hand,
  }));
}

/**
 * Local date of an instant. The zone's offset is looked up once per UTC day
 * and remembered (Intl is slow, and a producer's history holds thousands of rows); on a day
 * whose offset changes (daylight saving) it is looked up per hour instead.
 */
/** Offsets per zone, kept across calls: a UTC day's offset never changes, and five years of intakes span ~1,800 days. */
const zoneOffsets = new Map<string, { perDay: Map<string, number | null>; perHour: Map<string, number> }>();

function localDater(timeZone: string): (iso: string) => LocalDate {
  let cache = zoneOffsets.get(timeZone);
  if (!cache) zoneOffsets.set(timeZone, (cache = { perDay: new Map(), perHour: new Map() }));
  const { perDay, perHour } = cache;
  const offsetAt = (iso: string) => zoneOffsetMinutes(new Date(iso), timeZone);
  return (iso) => {
    const day = iso.slice(0, 10);
    let offset = perDay.get(day);
    if (offset === undefined) {
      const first = offsetAt(`${day}T00:00:00.000Z`);
      offset = first === offsetAt(`${day}T23:59:59.000Z`) ? first : null;
      perDay.set(day, offset);
    }
    if (offset === null) {
      const hour = iso.slice(0, 13);
      offset = perHour.get(hour) ?? offsetAt(`${hour}:00:00.000Z`);
      perHour.set(hour, offset);
    }
    return new Date(Date.parse(iso) + offset * 60_000).toISOString().slice(0, 10);
  };
}

export interface ProducerHistory {
  /** Events per product since `from`. */
  events: Map<number, InsightEvent[]>;
  /** Stock per product at the start of `from`. */
  onHandBefore: Map<number, number>;
  /** Per product: the local dates of its deliveries (all time) and the units of its last one. */
  lastDelivered: Map<number, number>;
  /** The producer's delivery days, all time. */
  deliveryDates: LocalDate[];
}

/** Every producer's intakes as [id, received_at], oldest first: one read for a shop-wide list instead of a scan per producer. */
export function intakesByProducer(db: Database.Database): Map<number, [number, string][]> {
  const out = new Map<number, [number, string][]>();
  for (const [producerId, id, at] of db.prepare('SELECT producer_id, id, received_at FROM intakes ORDER BY received_at, id').raw().all() as [number, number, string][]) {
    let list = out.get(producerId);
    if (!list) out.set(producerId, (list = []));
    list.push([id, at]);
  }
  return out;
}

/** How many of the producer's latest intakes are looked through for a product's last delivery before its own range is read. */
const LAST_INTAKES_LOOKED_AT = 8;

export function producerHistory(
  db: Database.Database,
  producerId: number,
  from: LocalDate,
  timeZone: string,
  /** The producer's intakes, oldest first, when the caller read them for every producer at once. */
  knownIntakes?: [number, string][],
): ProducerHistory {
  const since = localToInstant(from, timeZone);
  const local = localDater(timeZone);
  const events = new Map<number, InsightEvent[]>();
  const push = (productId: number, e: InsightEvent) => {
    let list = events.get(productId);
    if (!list) events.set(productId, (list = []));
    list.push(e);
  };
  // One range per product on ix_stock_movements_product_time (0018): only the window's movements are read.
  const byProduct = db
    .prepare(`SELECT kind, quantity, occurred_at FROM stock_movements WHERE product_id = ? AND occurred_at >= ? AND kind <> 'return'`)
    .raw();
  const productIds = (db.prepare('SELECT id FROM products WHERE producer_id = ?').pluck().all(producerId) as number[]);
  const movements: [number, string, number, string][] = [];
  for (const productId of productIds) {
    for (const [kind, quantity, at] of byProduct.all(productId, since) as [string, number, string][]) movements.push([productId, kind, quantity, at]);
  }
  for (const [productId, kind, quantity, at] of movements) {
    const date = local(at);
    if (kind === 'intake') push(productId, { date, kind: 'delivered', quantity });
    else if (kind === 'count') push(productId, { date, kind: 'shrinkage', quantity: -quantity });
    // sale (negative), void and restocked refund (positive): units that left the shelf through the till, net.
    else push(productId, { date, kind: 'sold', quantity: -quantity });
  }
  const returns = db
    .prepare(
      `SELECT l.product_id, l.quantity, l.reason, r.returned_at FROM return_lines l JOIN returns r ON r.id = l.return_id
        WHERE r.producer_id = ? AND r.returned_at >= ?`,
    )
    .raw()
    .all(producerId, since) as [number, number, 'unsold' | 'expired' | 'damaged', string][];
  for (const [productId, quantity, reason, at] of returns) push(productId, { date: local(at), kind: 'returned', quantity, reason });

  // Stock before the window = the running level − what moved since (returns included): reads only the window, not five years.
  const onHandBefore = new Map<number, number>();
  const level = db.prepare('SELECT on_hand FROM stock_levels WHERE product_id = ?').pluck();
  const movedSince = db.prepare('SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE product_id = ? AND occurred_at >= ?').pluck();
  for (const productId of productIds) {
    onHandBefore.set(productId, ((level.get(productId) as number | undefined) ?? 0) - (movedSince.get(productId, since) as number));
  }

  const intakes =
    knownIntakes ?? (db.prepare('SELECT id, received_at FROM intakes WHERE producer_id = ? ORDER BY received_at, id').raw().all(producerId) as [number, string][]);
  const deliveryDates = intakes.map(([, at]) => local(at));
  // Per product, its latest intake (one indexed range of that product's lines) and the units of it in that intake.
  // (A correlated subquery over every intake line of the shop took over a minute at five years' scale.)
  const lastDelivered = new Map<number, number>();
  const lastIntake = db
    .prepare(
      `SELECT l.intake_id FROM intake_lines l JOIN intakes i ON i.id = l.intake_id
        WHERE l.product_id = ? ORDER BY i.received_at DESC, i.id DESC LIMIT 1`,
    )
    .pluck();
  const unitsIn = db.prepare('SELECT SUM(quantity) FROM intake_lines WHERE intake_id = ? AND product_id = ?').pluck();
  const recent = intakes.slice(-LAST_INTAKES_LOOKED_AT).reverse();
  for (const productId of productIds) {
    // Usually the producer's latest intake holds the product: a few lookups by intake, newest first.
    let units: number | null = null;
    for (const [intakeId] of recent) {
      units = unitsIn.get(intakeId, productId) as number | null;
      if (units !== null) break;
    }
    if (units === null) {
      const intakeId = lastIntake.get(productId) as number | undefined;
      if (intakeId !== undefined) units = unitsIn.get(intakeId, productId) as number;
    }
    if (units !== null) lastDelivered.set(productId, units);
  }
  return { events, onHandBefore, lastDelivered, deliveryDates };
}
