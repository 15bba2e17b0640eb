import type { CoreContext } from '../context';
import { readSettings } from '../settings';
import { todayLocal } from '../catalogue/common';
import { addDays, daysBetween } from '../../../shared/domain/time';
import type { ExpiryBatch, ExpiryGroup, ExpiryReport } from '../../../shared/contract/stock';
import { lotsOnShelf, type ShelfEvent } from '../../../shared/domain/stockLots';
import { laggingProducts } from './lotState';

interface LotRow {
  id: number;
  intake_id: number;
  product_id: number;
  quantity: number;
  expiry_date: string | null;
  // the names and the intake number: only needed for the lots the report shows (see `describe`)
  product_name: string;
  unit: string;
  producer_id: number;
  producer_name: string;
  producer_short_name: string;
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

type ExpiryInput = { withinDays?: number | undefined; producerId?: number | undefined };
type MovementLoader = (ctx: CoreContext, productIds: number[], producerId: number | null) => Map<number, MovementRow[]>;

/**
 * Every movement of the products, read through the covering index
 * ix_stock_movements_product_time (id, kind, quantity without touching the
 * table), put in id order; only the intake movements look up their ref_id (the
 * intake they deliver). The same rows, in the same order, as the plain query in
 * `expiryReportReplayAll` — only much cheaper to read on a five-year store
 * (issue #14): the plain one jumps to the table for every sale.
 */
const coveringMovements: MovementLoader = (ctx, productIds) => {
  const all = ctx.db
    .prepare('SELECT id, kind, quantity FROM stock_movements INDEXED BY ix_stock_movements_product_time WHERE product_id = ?')
    .raw();
  const intakes = ctx.db
    .prepare("SELECT id, ref_id FROM stock_movements INDEXED BY ix_stock_movements_product_time WHERE product_id = ? AND kind = 'intake'")
    .raw();
  const out = new Map<number, MovementRow[]>();
  for (const productId of productIds) {
    const rows = all.all(productId) as [number, string, number][];
    let sorted = true;
    for (let i = 1; i < rows.length && sorted; i++) if (rows[i]![0] < rows[i - 1]![0]) sorted = false;
    if (!sorted) rows.sort((a, b) => a[0] - b[0]);
    const refOf = new Map<number, string>();
    for (const [id, ref] of intakes.all(productId) as [number, string][]) refOf.set(id, ref);
    out.set(
      productId,
      rows.map(([id, kind, quantity]) => ({ product_id: productId, quantity, kind, ref_id: kind === 'intake' ? refOf.get(id)! : '' })),
    );
  }
  return out;
};

/** The plain query: every movement row of the products, from the table. Kept as the reference. */
const plainMovements: MovementLoader = (ctx, _productIds, producerId) => {
  const movements = ctx.db
    .prepare(
      `SELECT m.product_id, m.quantity, m.kind, m.ref_id FROM stock_movements m
        WHERE m.product_id IN (SELECT DISTINCT l.product_id FROM intake_lines l JOIN products p ON p.id = l.product_id WHERE ${PRODUCT_FILTER})
        ORDER BY m.product_id, m.id`,
    )
    .all(producerId, producerId) as MovementRow[];
  const movementsOf = new Map<number, MovementRow[]>();
  for (const m of movements) {
    let list = movementsOf.get(m.product_id);
    if (!list) movementsOf.set(m.product_id, (list = []));
    list.push(m);
  }
  return movementsOf;
};

const PRODUCT_FILTER = `l.product_id IN (SELECT DISTINCT product_id FROM intake_lines WHERE expiry_date IS NOT NULL)
          AND (? IS NULL OR p.producer_id = ?)`;

type LotLoader = (ctx: CoreContext, producerId: number | null) => LotRow[];

/** Every intake line of the perishable products, joined to its names and intake number. Kept as the reference. */
const joinedLots: LotLoader = (ctx, producerId) =>
  ctx.db
    .prepare(
      `SELECT l.id, l.intake_id, l.product_id, p.name AS product_name, p.unit, p.producer_id, pr.name AS producer_name, pr.short_name AS producer_short_name,
              l.quantity, l.expiry_date, i.number AS intake_number
         FROM intake_lines l
         JOIN intakes i ON i.id = l.intake_id
         JOIN products p ON p.id = l.product_id
         JOIN producers pr ON pr.id = p.producer_id
        WHERE ${PRODUCT_FILTER}
        ORDER BY l.product_id, l.id`,
    )
    .all(producerId, producerId) as LotRow[];

/**
 * The same intake lines without the joins (issue #14): the names and the intake
 * number are looked up only for the few lots the report shows (`describe`).
 */
const plainLots: LotLoader = (ctx, producerId) =>
  ctx.db
    .prepare(
      `SELECT l.id, l.intake_id, l.product_id, l.quantity, l.expiry_date
         FROM intake_lines l
        WHERE l.product_id IN (SELECT DISTINCT product_id FROM intake_lines WHERE expiry_date IS NOT NULL)
          AND (? IS NULL OR l.product_id IN (SELECT id FROM products WHERE producer_id = ?))
        ORDER BY l.product_id, l.id`,
    )
    .all(producerId, producerId) as LotRow[];

/** Fills in the names and intake number of a lot the report shows, if its loader left them out. */
function describe(ctx: CoreContext, b: LotRow): void {
  if (b.intake_number !== undefined) return;
  const p = ctx.db
    .prepare(
      `SELECT p.name AS product_name, p.unit, p.producer_id, pr.name AS producer_name, pr.short_name AS producer_short_name
         FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?`,
    )
    .get(b.product_id) as Pick<LotRow, 'product_name' | 'unit' | 'producer_id' | 'producer_name' | 'producer_short_name'>;
  Object.assign(b, p, { intake_number: (ctx.db.prepare('SELECT number FROM intakes WHERE id = ?').pluck().get(b.intake_id) as string) });
}

/**
 * expiry.list (issue #14): the lots on the shelf are kept (migration 0020,
 * lotState.ts), moved along with every stock movement; the report reads the
 * kept lots that are in date range. A product whose kept state lags its newest
 * movement (movements written around the core: a bulk load, a test) is replayed
 * here instead, the way `expiryReportCovering` reads every product.
 */
export const expiryReport = (ctx: CoreContext, input: ExpiryInput): ExpiryReport => {
  const withinDays = input.withinDays ?? readSettings(ctx.db).expiringSoonDays;
  const today = todayLocal(ctx);
  const horizon = addDays(today, withinDays);
  const producerId = input.producerId ?? null;
  const lagging = new Set(laggingProducts(ctx.db));
  const shown: ShownLot[] = [];
  const kept = ctx.db
    .prepare(
      `SELECT k.lot_id AS id, l.intake_id, k.product_id, k.quantity_left AS left, k.expiry_date
         FROM stock_lot_left k JOIN intake_lines l ON l.id = k.lot_id
        WHERE k.quantity_left > 0 AND k.expiry_date IS NOT NULL AND k.expiry_date <= ?
          AND (? IS NULL OR k.product_id IN (SELECT id FROM products WHERE producer_id = ?))`,
    )
    .all(horizon, producerId, producerId) as (LotRow & { left: number })[];
  for (const r of kept) if (!lagging.has(r.product_id)) shown.push({ row: r, left: r.left });
  if (lagging.size > 0) {
    const lots = plainLots(ctx, producerId).filter((l) => lagging.has(l.product_id));
    shown.push(...replayed(ctx, lots, coveringMovements, horizon));
  }
  // the order the replay meets them in: product, then lot
  shown.sort((a, b) => a.row.product_id - b.row.product_id || a.row.id - b.row.id);
  return assemble(ctx, today, withinDays, shown);
};
/** The previous fast path (issue #14): every movement read through a covering index and replayed. */
export const expiryReportCovering = (ctx: CoreContext, input: ExpiryInput): ExpiryReport => buildExpiryReport(ctx, input, plainLots, coveringMovements);
/** The reference: the same report from the plain read of every movement (tests compare the two). */
export const expiryReportReplayAll = (ctx: CoreContext, input: ExpiryInput): ExpiryReport => buildExpiryReport(ctx, input, joinedLots, plainMovements);

interface ShownLot {
  row: LotRow;
  left: number;
}

/** The lots (grouped by product, in product and id order) still on the shelf that expire by the horizon, by a replay of their products' movements. */
function replayed(ctx: CoreContext, lots: LotRow[], loadMovements: MovementLoader, horizon: string): ShownLot[] {
  const movementsOf = loadMovements(ctx, [...new Set(lots.map((l) => l.product_id))], null);
  const shown: ShownLot[] = [];
  const flush = (productLots: LotRow[]) => {
    if (productLots.length === 0) return;
    const remaining = lotsOnShelf(shelfEvents(productLots, movementsOf.get(productLots[0]!.product_id) ?? []));
    for (const b of productLots) {
      const left = remaining.get(b.id) ?? 0;
      if (left <= 0 || b.expiry_date === null || b.expiry_date > horizon) continue;
      shown.push({ row: b, left });
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
  return shown;
}

function buildExpiryReport(ctx: CoreContext, input: ExpiryInput, loadLots: LotLoader, loadMovements: MovementLoader): ExpiryReport {
  const withinDays = input.withinDays ?? readSettings(ctx.db).expiringSoonDays;
  const today = todayLocal(ctx);
  const horizon = addDays(today, withinDays);
  const lots = loadLots(ctx, input.producerId ?? null);
  return assemble(ctx, today, withinDays, replayed(ctx, lots, loadMovements, horizon));
}

/** The report from the lots to show, in product and lot order: grouped by producer, expired apart from expiring soon. */
function assemble(ctx: CoreContext, today: string, withinDays: number, shown: ShownLot[]): ExpiryReport {
  const groups = new Map<number, ExpiryGroup>();
  for (const { row: b, left } of shown) {
    describe(ctx, b);
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
      expiryDate: b.expiry_date!,
      remaining: left,
      daysLeft: daysBetween(today, b.expiry_date!),
    };
    (b.expiry_date! < today ? group.expired : group.expiringSoon).push(item);
  }
  for (const g of groups.values()) {
    const byExpiry = (x: ExpiryBatch, y: ExpiryBatch) => (x.expiryDate < y.expiryDate ? -1 : x.expiryDate > y.expiryDate ? 1 : x.productName.localeCompare(y.productName));
    g.expired.sort(byExpiry);
    g.expiringSoon.sort(byExpiry);
  }
  const producers = [...groups.values()].sort((a, b) => a.producerName.localeCompare(b.producerName));
  return { today, withinDays, producers };
}
