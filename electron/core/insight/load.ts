import type Database from 'better-sqlite3';
import type { InsightEvent } from '../../../shared/domain/insight';
import { addDays, localToInstant, zoneOffsetMinutes, type LocalDate } from '../../../shared/domain/time';

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

export function localDater(timeZone: string): (iso: string) => LocalDate {
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
    // A canonical instant whose local time of day stays on its UTC day (most of a shop's day in Asia/Jakarta) keeps its date.
    if (iso.length === 24 && iso.charCodeAt(23) === 90 /* Z */) {
      const minute = Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16)) + offset;
      if (minute >= 0 && minute < 1440) return day;
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

/** How many of the producer's latest intakes are looked through for a product's last delivery before its own range is read. */
const LAST_INTAKES_LOOKED_AT = 8;

/** A product's latest intake (one indexed range of its lines), and the units of a product in one intake. */
function lastIntakeReads(db: Database.Database) {
  return {
    lastIntake: db
      .prepare(
        `SELECT l.intake_id FROM intake_lines l JOIN intakes i ON i.id = l.intake_id
          WHERE l.product_id = ? ORDER BY i.received_at DESC, i.id DESC LIMIT 1`,
      )
      .pluck(),
    unitsIn: db.prepare('SELECT SUM(quantity) FROM intake_lines WHERE intake_id = ? AND product_id = ?').pluck(),
  };
}

export function producerHistory(
  db: Database.Database,
  producerId: number,
  from: LocalDate,
  timeZone: string,
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
    db.prepare('SELECT id, received_at FROM intakes WHERE producer_id = ? ORDER BY received_at, id').raw().all(producerId) as [number, string][];
  const deliveryDates = intakes.map(([, at]) => local(at));
  // Per product, its latest intake (one indexed range of that product's lines) and the units of it in that intake.
  // (A correlated subquery over every intake line of the shop took over a minute at five years' scale.)
  const lastDelivered = new Map<number, number>();
  const { lastIntake, unitsIn } = lastIntakeReads(db);
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

/** Every product, grouped by producer, each producer's in `productRows`' order (name, then id). */
export function productRowsByProducer(db: Database.Database): Map<number, ProductRow[]> {
  const out = new Map<number, ProductRow[]>();
  const rows = db
    .prepare(
      `SELECT p.producer_id, p.id, p.name, p.unit, p.perishable, p.active, COALESCE(l.on_hand, 0) AS on_hand
         FROM products p LEFT JOIN stock_levels l ON l.product_id = p.id
        ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .raw()
    .all() as [number, number, string, string, number, number, number][];
  for (const [producerId, id, name, unit, perishable, active, onHand] of rows) {
    let list = out.get(producerId);
    if (!list) out.set(producerId, (list = []));
    list.push({ id, name, unit, perishable: perishable === 1, active: active === 1, onHand });
  }
  return out;
}

/** Whether intake `a` ([id, received_at]) came after `b`: later received, or the same instant and a higher id. */
const newer = (a: [number, string], b: [number, string]) => a[1] > b[1] || (a[1] === b[1] && a[0] > b[0]);

/** A product's window in sums: what `weeklyFacts` would add up over the window, and the stock before it. */
export interface WindowSums {
  delivered: number;
  sold: number;
  shrinkage: number;
  returned: Record<'unsold' | 'expired' | 'damaged', number>;
  onHandBefore: number;
}

export interface ShopWindow {
  /** Per product (every product of the shop). */
  sums: Map<number, WindowSums>;
  /** Per product: the units of its last delivery (only with `withDeliveries`). */
  lastDelivered: Map<number, number>;
  /** Per producer: its distinct delivery days, all time, in no order (only with `withDeliveries`). */
  deliveryDates: Map<number, LocalDate[]>;
}

/**
 * The window `from`…`today` of every product at once, in sums, for the shop-wide lists (reorder,
 * low stock, best sellers), which need a product's totals over the window and not its weeks:
 * one grouped read of the window's movements (a range per product on the covering index
 * ix_stock_movements_product_time, summed by SQLite), the window's returns once, and the last
 * deliveries from one read of every producer's latest intakes' lines. The figures are those of
 * `producerHistory` + `weeklyFacts` + `totalsOf` (a test compares the two on every producer).
 */
export function shopWindow(
  db: Database.Database,
  from: LocalDate,
  today: LocalDate,
  timeZone: string,
  products: Map<number, ProductRow[]>,
  /** Read the delivery days and last deliveries too (the reorder rule needs them; best sellers do not). */
  withDeliveries = false,
): ShopWindow {
  const since = localToInstant(from, timeZone);
  const until = localToInstant(addDays(today, 1), timeZone);
  const local = localDater(timeZone);
  const sums = new Map<number, WindowSums>();
  const owner = new Map<number, number>();
  for (const [producerId, list] of products) {
    for (const p of list) {
      owner.set(p.id, producerId);
      sums.set(p.id, { delivered: 0, sold: 0, shrinkage: 0, returned: { unsold: 0, expired: 0, damaged: 0 }, onHandBefore: p.onHand });
    }
  }
  // Everything since the window began counts in the stock before it (returns and moves after today too);
  // only the window's own days count in its sums. Returns are read from return_lines (they carry the reason).
  const grouped = db
    .prepare(
      `SELECT product_id, kind, SUM(quantity), SUM(CASE WHEN occurred_at < ? THEN quantity ELSE 0 END)
         FROM stock_movements WHERE product_id IN (SELECT id FROM products) AND occurred_at >= ?
        GROUP BY product_id, kind`,
    )
    .raw()
    .all(until, since) as [number, string, number, number][];
  for (const [productId, kind, moved, inWindow] of grouped) {
    const s = sums.get(productId);
    if (!s) continue;
    s.onHandBefore -= moved;
    if (kind === 'return') continue;
    if (kind === 'intake') s.delivered += inWindow;
    else if (kind === 'count') s.shrinkage -= inWindow;
    // sale (negative), void and restocked refund (positive): units that left the shelf through the till, net.
    else s.sold -= inWindow;
  }
  const returns = db
    .prepare(
      `SELECT r.producer_id, l.product_id, l.quantity, l.reason, r.returned_at FROM returns r JOIN return_lines l ON l.return_id = r.id
        WHERE r.returned_at >= ?`,
    )
    .raw()
    .all(since) as [number, number, number, 'unsold' | 'expired' | 'damaged', string][];
  for (const [producerId, productId, quantity, reason, at] of returns) {
    // As a producer's history: its returns count for its own products, on the window's days.
    const s = sums.get(productId);
    if (s && owner.get(productId) === producerId && local(at) <= today) s.returned[reason] += quantity;
  }
  const lastDelivered = new Map<number, number>();
  const deliveryDates = new Map<number, LocalDate[]>();
  if (!withDeliveries) return { sums, lastDelivered, deliveryDates };

  // Every intake once (no order: a producer's latest are picked here), for the delivery days and the latest intakes.
  const byProducer = new Map<number, [number, string][]>();
  for (const [producerId, id, at] of db.prepare('SELECT producer_id, id, received_at FROM intakes').raw().all() as [number, number, string][]) {
    let list = byProducer.get(producerId);
    if (!list) byProducer.set(producerId, (list = []));
    list.push([id, at]);
  }
  // Last deliveries: the lines of every producer's latest intakes in one read, then (rarely) a product's own range.
  const recentOf = new Map<number, number[]>();
  const recentIds: number[] = [];
  for (const [producerId, list] of byProducer) {
    deliveryDates.set(producerId, list.map(([, at]) => local(at)));
    // Its latest, newest first, as `producerHistory` looks through them: received_at, then id, descending.
    const top: [number, string][] = [];
    for (const intake of list) {
      if (top.length === LAST_INTAKES_LOOKED_AT && !newer(intake, top[top.length - 1]!)) continue;
      let i = top.length;
      while (i > 0 && newer(intake, top[i - 1]!)) i--;
      top.splice(i, 0, intake);
      if (top.length > LAST_INTAKES_LOOKED_AT) top.pop();
    }
    const recent = top.map(([id]) => id);
    recentOf.set(producerId, recent);
    recentIds.push(...recent);
  }
  const unitsByLine = new Map<string, number>();
  const lines = db
    .prepare(
      `SELECT intake_id, product_id, SUM(quantity) FROM intake_lines WHERE intake_id IN (SELECT value FROM json_each(?))
        GROUP BY intake_id, product_id`,
    )
    .raw()
    .all(JSON.stringify(recentIds)) as [number, number, number][];
  for (const [intakeId, productId, units] of lines) unitsByLine.set(`${intakeId}:${productId}`, units);
  const { lastIntake, unitsIn } = lastIntakeReads(db);
  for (const [producerId, list] of products) {
    const recent = recentOf.get(producerId) ?? [];
    for (const p of list) {
      let units: number | null = null;
      for (const intakeId of recent) {
        units = unitsByLine.get(`${intakeId}:${p.id}`) ?? null;
        if (units !== null) break;
      }
      if (units === null) {
        const intakeId = lastIntake.get(p.id) as number | undefined;
        if (intakeId !== undefined) units = unitsIn.get(intakeId, p.id) as number;
      }
      if (units !== null) lastDelivered.set(p.id, units);
    }
  }
  return { sums, lastDelivered, deliveryDates };
}
