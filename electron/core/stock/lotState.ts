import type Database from 'better-sqlite3';
import type { StockMovement } from '../../../shared/contract/stock';
import { foldShelfEvent, lotsOnShelf, MemoryLotStore, type LotFoldStore, type ShelfEvent } from '../../../shared/domain/stockLots';

type MovementKind = StockMovement['kind'];

/*
 * Lots on the shelf, kept (issue #14, migration 0020). The expiry list asks
 * which units of each delivered lot are still on the shelf: the FEFO fold of
 * shared/domain/stockLots.ts over every movement of the product. Instead of
 * replaying five years on every look, the fold's state is kept in
 * stock_lot_state / stock_lot_left / stock_lot_taken and moved along by
 * `appendMovement`, the one way the core writes a stock movement, in the same
 * transaction as the movement.
 *
 * A product's state records the newest movement folded in. Movements written
 * some other way (a bulk load, a test's raw insert) leave it lagging behind
 * stock_levels.last_movement_id: the next movement through `appendMovement`
 * replays the product, `catchUpLotState` (run when the store opens) replays
 * every lagging product, and the expiry list replays a lagging product itself
 * rather than read its kept state. `verifyLotState` replays every product and
 * compares (stock.verify).
 *
 * An intake movement delivers the intake's next line of the product, so the
 * lines are written before their movements (intakes.ts, the bench's bulk load).
 */

interface StateRow {
  through: number;
  unrecorded: number;
  runs: number;
}

function prepare(db: Database.Database) {
  return {
    state: db.prepare('SELECT through_movement_id AS through, unrecorded, taken_runs AS runs FROM stock_lot_state WHERE product_id = ?'),
    // the kept state and the product's newest movement (its level's), in one read
    stateAndLast: db.prepare(
      `SELECT k.through_movement_id AS through, k.unrecorded, k.taken_runs AS runs, s.last_movement_id AS last
         FROM stock_levels s LEFT JOIN stock_lot_state k ON k.product_id = s.product_id WHERE s.product_id = ?`,
    ),
    insertMovement: db.prepare('INSERT INTO stock_movements (product_id, quantity, kind, ref_id, occurred_at) VALUES (?, ?, ?, ?, ?)'),
    saveState: db.prepare(
      `INSERT INTO stock_lot_state (product_id, through_movement_id, unrecorded, taken_runs) VALUES (?, ?, ?, ?)
         ON CONFLICT (product_id) DO UPDATE SET through_movement_id = excluded.through_movement_id, unrecorded = excluded.unrecorded, taken_runs = excluded.taken_runs`,
    ),
    // the intake's next line of the product not delivered yet (an intake movement delivers its lines in id order)
    nextLot: db.prepare(
      `SELECT l.id, l.quantity, l.expiry_date FROM intake_lines l
        WHERE l.intake_id = ? AND l.product_id = ? AND NOT EXISTS (SELECT 1 FROM stock_lot_left k WHERE k.lot_id = l.id)
        ORDER BY l.id LIMIT 1`,
    ),
    insertLot: db.prepare('INSERT INTO stock_lot_left (lot_id, product_id, delivered_by, expiry_date, quantity_left) VALUES (?, ?, ?, ?, ?)'),
    first: db
      .prepare(
        `SELECT lot_id, quantity_left FROM stock_lot_left INDEXED BY ix_stock_lot_left_shelf
          WHERE product_id = ? AND quantity_left > 0 ORDER BY expiry_date IS NULL, expiry_date, delivered_by LIMIT 1`,
      )
      .raw(),
    leftOf: db.prepare('SELECT quantity_left FROM stock_lot_left WHERE lot_id = ?').pluck(),
    setLeft: db.prepare('UPDATE stock_lot_left SET quantity_left = ? WHERE lot_id = ?'),
    run: db.prepare('SELECT lot_id, quantity FROM stock_lot_taken WHERE product_id = ? AND seq = ?').raw(),
    insertRun: db.prepare('INSERT INTO stock_lot_taken (product_id, seq, lot_id, quantity) VALUES (?, ?, ?, ?)'),
    setRun: db.prepare('UPDATE stock_lot_taken SET quantity = ? WHERE product_id = ? AND seq = ?'),
    deleteRun: db.prepare('DELETE FROM stock_lot_taken WHERE product_id = ? AND seq = ?'),
  };
}
type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();
const statements = (db: Database.Database): Statements => {
  let st = cache.get(db);
  if (!st) cache.set(db, (st = prepare(db)));
  return st;
};

/** The fold's state in the tables of one product (LotFoldStore over SQL). */
class TableLotStore implements LotFoldStore {
  unrecorded: number;
  private runs: number;
  private top: { lotId: number; quantity: number } | undefined | null = null; // null: not read yet

  constructor(
    private readonly st: Statements,
    private readonly productId: number,
    state: StateRow | undefined,
  ) {
    this.unrecorded = state?.unrecorded ?? 0;
    this.runs = state?.runs ?? 0;
  }

  deliver(lot: { id: number; expiryDate: string | null }, order: number, left: number): void {
    this.st.insertLot.run(lot.id, this.productId, order, lot.expiryDate, left);
  }
  firstOnShelf(): { id: number; left: number } | undefined {
    const r = this.st.first.get(this.productId) as [number, number] | undefined;
    return r && { id: r[0], left: r[1] };
  }
  leftOf(lotId: number): number {
    return (this.st.leftOf.get(lotId) as number | undefined) ?? 0;
  }
  setLeft(lotId: number, left: number): void {
    this.st.setLeft.run(left, lotId);
  }
  topTaken(): { lotId: number; quantity: number } | undefined {
    if (this.top === null) {
      const r = this.runs === 0 ? undefined : (this.st.run.get(this.productId, this.runs) as [number, number] | undefined);
      this.top = r && { lotId: r[0], quantity: r[1] };
    }
    return this.top && { ...this.top };
  }
  pushTaken(lotId: number, quantity: number): void {
    const top = this.topTaken();
    if (top && top.lotId === lotId) {
      this.st.setRun.run(top.quantity + quantity, this.productId, this.runs);
      this.top = { lotId, quantity: top.quantity + quantity };
    } else {
      this.runs += 1;
      this.st.insertRun.run(this.productId, this.runs, lotId, quantity);
      this.top = { lotId, quantity };
    }
  }
  setTopTaken(quantity: number): void {
    if (quantity === 0) {
      this.st.deleteRun.run(this.productId, this.runs);
      this.runs -= 1;
      this.top = null;
    } else {
      this.st.setRun.run(quantity, this.productId, this.runs);
      this.top = { lotId: this.top!.lotId, quantity };
    }
  }
  save(through: number): void {
    this.st.saveState.run(this.productId, through, this.unrecorded, this.runs);
  }
}

/** The intake an intake movement delivers: its ref_id is the intake's id, written as a plain number. */
const intakeIdOf = (refId: string): number | null => (/^(0|[1-9][0-9]{0,14})$/.test(refId) ? Number(refId) : null);

export interface NewMovement {
  productId: number;
  quantity: number;
  kind: MovementKind;
  refId: string | number;
  occurredAt: string;
}

/**
 * Appends one stock movement and moves the product's kept lots along with it
 * (call inside the write's transaction). The only way the core writes a
 * movement: the stock level follows by trigger (0006), the lots here.
 */
export function appendMovement(db: Database.Database, m: NewMovement): number {
  const st = statements(db);
  const refId = String(m.refId);
  // no level yet: the product's first movement (a kept state without one would be a stray: replayed below)
  const row = st.stateAndLast.get(m.productId) as (Partial<StateRow> & { last: number }) | undefined;
  const state = row?.through == null ? (row ? undefined : (st.state.get(m.productId) as StateRow | undefined)) : (row as StateRow);
  const last = row?.last;
  const id = Number(st.insertMovement.run(m.productId, m.quantity, m.kind, refId, m.occurredAt).lastInsertRowid);
  if (state?.through !== last) {
    // The kept state lags (movements written around this function): replay the product, this movement included.
    rebuildLotState(db, [m.productId]);
    return id;
  }
  const store = new TableLotStore(st, m.productId, state);
  let event: ShelfEvent | null = null;
  if (m.kind === 'intake') {
    const intakeId = intakeIdOf(refId);
    const lot = intakeId === null ? undefined : (st.nextLot.get(intakeId, m.productId) as { id: number; quantity: number; expiry_date: string | null } | undefined);
    if (lot) event = { kind: 'delivered', lot: { id: lot.id, quantity: lot.quantity, expiryDate: lot.expiry_date } };
  }
  event ??= m.quantity < 0 ? { kind: 'left', quantity: -m.quantity } : { kind: 'back', quantity: m.quantity };
  foldShelfEvent(store, event, id);
  store.save(id);
  return id;
}

interface HistoryLot {
  id: number;
  intakeId: number;
  quantity: number;
  expiryDate: string | null;
}

/**
 * A product's history as shelf events, each with its movement's id (the
 * delivery order): every intake movement delivers the next line of its intake
 * for the product, in id order — as the expiry list's reference replay reads it.
 */
export function* historyEvents(lots: HistoryLot[], movements: [id: number, kind: string, quantity: number, refId: string][]): Generator<[ShelfEvent, number]> {
  const byIntake = new Map<string, HistoryLot[]>();
  for (const l of lots) {
    const key = String(l.intakeId);
    let list = byIntake.get(key);
    if (!list) byIntake.set(key, (list = []));
    list.push(l);
  }
  for (const [id, kind, quantity, refId] of movements) {
    const lot = kind === 'intake' ? byIntake.get(refId)?.shift() : undefined;
    if (lot) yield [{ kind: 'delivered', lot: { id: lot.id, quantity: lot.quantity, expiryDate: lot.expiryDate } }, id];
    else if (quantity < 0) yield [{ kind: 'left', quantity: -quantity }, id];
    else yield [{ kind: 'back', quantity }, id];
  }
}

/** A product's lots and its movements (id order; through a covering index, as the expiry list reads them), up to `throughId`. */
function loadHistory(db: Database.Database, productId: number, throughId = Number.MAX_SAFE_INTEGER) {
  const lots = (db.prepare('SELECT id, intake_id, quantity, expiry_date FROM intake_lines WHERE product_id = ? ORDER BY id').raw().all(productId) as [number, number, number, string | null][]).map(
    ([id, intakeId, quantity, expiryDate]) => ({ id, intakeId, quantity, expiryDate }),
  );
  const rows = db
    .prepare('SELECT id, kind, quantity FROM stock_movements INDEXED BY ix_stock_movements_product_time WHERE product_id = ? AND id <= ?')
    .raw()
    .all(productId, throughId) as [number, string, number][];
  rows.sort((a, b) => a[0] - b[0]);
  const refOf = new Map<number, string>();
  for (const [id, ref] of db
    .prepare("SELECT id, ref_id FROM stock_movements INDEXED BY ix_stock_movements_product_time WHERE product_id = ? AND kind = 'intake' AND id <= ?")
    .raw()
    .all(productId, throughId) as [number, string][])
    refOf.set(id, ref);
  const movements = rows.map(([id, kind, quantity]) => [id, kind, quantity, kind === 'intake' ? refOf.get(id)! : ''] as [number, string, number, string]);
  return { lots, movements };
}

/** Replays a product's history in memory (up to `throughId`). */
export function replayLotState(db: Database.Database, productId: number, throughId?: number): { store: MemoryLotStore; through: number; reference: Map<number, number> } {
  const { lots, movements } = loadHistory(db, productId, throughId);
  const store = new MemoryLotStore();
  for (const [event, id] of historyEvents(lots, movements)) foldShelfEvent(store, event, id);
  const reference = lotsOnShelf((function* () {
    for (const [event] of historyEvents(lots, movements)) yield event;
  })());
  return { store, through: movements.at(-1)?.[0] ?? 0, reference };
}

/** Replaces the kept state of the products by a replay of their whole history (in memory, then written). */
export function rebuildLotState(db: Database.Database, productIds: Iterable<number>): void {
  const st = statements(db);
  const dropLots = db.prepare('DELETE FROM stock_lot_left WHERE product_id = ?');
  const dropRuns = db.prepare('DELETE FROM stock_lot_taken WHERE product_id = ?');
  for (const productId of productIds) {
    const { lots, movements } = loadHistory(db, productId);
    const store = new MemoryLotStore();
    for (const [event, id] of historyEvents(lots, movements)) foldShelfEvent(store, event, id);
    dropLots.run(productId);
    dropRuns.run(productId);
    for (const lot of store.lots.values()) st.insertLot.run(lot.id, productId, lot.order, lot.expiryDate, lot.left);
    store.taken.forEach((run, i) => st.insertRun.run(productId, i + 1, run.lotId, run.quantity));
    if (movements.length > 0) st.saveState.run(productId, movements.at(-1)![0], store.unrecorded, store.taken.length);
    else db.prepare('DELETE FROM stock_lot_state WHERE product_id = ?').run(productId);
  }
}

/** The products whose kept state lags their newest movement (or has none). */
export function laggingProducts(db: Database.Database): number[] {
  return db
    .prepare(
      `SELECT s.product_id FROM stock_levels s LEFT JOIN stock_lot_state k ON k.product_id = s.product_id
        WHERE k.through_movement_id IS NOT s.last_movement_id ORDER BY s.product_id`,
    )
    .pluck()
    .all() as number[];
}

/**
 * Brings every product's kept lots up to its newest movement: the backfill
 * after migration 0020, and after any movements written around
 * `appendMovement` (a bulk load). Idempotent; cheap when nothing lags (one
 * query). Call inside a write transaction. Returns the products replayed.
 */
export function catchUpLotState(db: Database.Database): number {
  const lagging = laggingProducts(db);
  rebuildLotState(db, lagging);
  return lagging.length;
}

export interface LotStateCheck {
  ok: boolean;
  productsChecked: number;
  /** Products whose kept lots differ from the replay of their movements (up to the movement the state says it folded). */
  mismatches: number[];
  /** Products whose kept state lags their newest movement: the expiry list replays them (the next open catches them up). */
  lagging: number;
}

const sameState = (db: Database.Database, productId: number, row: StateRow): boolean => {
  const { store, through, reference } = replayLotState(db, productId, row.through);
  if (through !== row.through || store.unrecorded !== row.unrecorded || store.taken.length !== row.runs) return false;
  const kept = db.prepare('SELECT lot_id, delivered_by, expiry_date, quantity_left FROM stock_lot_left WHERE product_id = ?').raw().all(productId) as [number, number, string | null, number][];
  if (kept.length !== store.lots.size || kept.length !== reference.size) return false;
  for (const [lotId, order, expiryDate, left] of kept) {
    const lot = store.lots.get(lotId);
    if (!lot || lot.order !== order || lot.expiryDate !== expiryDate || lot.left !== left || reference.get(lotId) !== left) return false;
  }
  const runs = db.prepare('SELECT lot_id, quantity FROM stock_lot_taken WHERE product_id = ? ORDER BY seq').raw().all(productId) as [number, number][];
  return runs.length === store.taken.length && runs.every(([lotId, q], i) => store.taken[i]!.lotId === lotId && store.taken[i]!.quantity === q);
};

/**
 * Replays every product with a kept state up to the movement it says it
 * folded, and compares: units left per lot (with the reference `lotsOnShelf`
 * too), the delivery order, what left, the units beyond the record. Reads only.
 */
export function verifyLotState(db: Database.Database): LotStateCheck {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stock_lot_state'").get();
  if (!hasTable) return { ok: true, productsChecked: 0, mismatches: [], lagging: 0 };
  const rows = db.prepare('SELECT product_id, through_movement_id AS through, unrecorded, taken_runs AS runs FROM stock_lot_state ORDER BY product_id').all() as (StateRow & { product_id: number })[];
  const mismatches = rows.filter((r) => !sameState(db, r.product_id, r)).map((r) => r.product_id);
  // lots kept for a product that has no state at all
  const orphans = db.prepare('SELECT DISTINCT product_id FROM stock_lot_left WHERE product_id NOT IN (SELECT product_id FROM stock_lot_state)').pluck().all() as number[];
  mismatches.push(...orphans);
  return { ok: mismatches.length === 0, productsChecked: rows.length, mismatches, lagging: laggingProducts(db).length };
}
