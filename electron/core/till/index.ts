/**
 * What other core code (the demo store, the benchmark) may reuse from the till
 * without going through the dispatcher: the handlers themselves, as plain
 * functions. They expect a transaction; these wrappers open one when the
 * caller has none.
 */
import type { Sale, Shift, ShiftReport } from '../../../shared/contract/till';
import { nowIso, type CoreContext } from '../context';
import { conflict } from '../errors';
import { sql } from './db';
import { createSale, type SaleCreateParsed } from './sales/create';
import { openShift, requireShift, shiftById, staffById } from './rows';
import { writeClose } from './shifts';

export type { SaleCreateParsed } from './sales/create';
export { saleRequestHash } from './sales/create';
export { openShift as currentOpenShift } from './rows';

type Ctx = Pick<CoreContext, 'db' | 'now' | 'timeZone'> & Partial<CoreContext>;

function inTransaction<T>(ctx: Ctx, work: () => T): T {
  return ctx.db.inTransaction ? work() : ctx.db.transaction(work).immediate();
}

/**
 * Records a sale exactly as `sales.create` does (same checks, same rows), for
 * callers that already hold valid input: `lines[].discount` may be omitted.
 */
export function recordSale(ctx: Ctx, input: Omit<SaleCreateParsed, 'lines'> & { lines: { productId: number; quantity: number; discount?: number }[] }): Sale {
  const parsed = { ...input, lines: input.lines.map((l) => ({ ...l, discount: l.discount ?? 0 })) } as SaleCreateParsed;
  // A trusted caller rings the sale as the shift's own cashier (the only one who may).
  const shift = shiftById(ctx.db, input.shiftId);
  const actor = ctx.actor ?? (shift ? staffById(ctx.db, shift.cashierId) : null);
  return inTransaction(ctx, () => createSale(parsed, { ...ctx, actor } as CoreContext));
}

/** Opens a shift for a staff member without a PIN check (trusted callers only: demo data, benchmark). */
export function startShift(ctx: Ctx, cashierId: number, openingFloat: number): Shift {
  return inTransaction(ctx, () => {
    const current = openShift(ctx.db);
    if (current) conflict(`Shift #${current.id} masih terbuka.`, `Shift #${current.id} is still open.`);
    const id = Number(
      sql(ctx.db, 'INSERT INTO shifts (cashier_id, opened_at, opening_float) VALUES (?, ?, ?)').run(cashierId, nowIso(ctx), openingFloat)
        .lastInsertRowid,
    );
    return requireShift(ctx.db, id);
  });
}

/**
 * Closes the open shift with a counted cash amount, without a PIN check
 * (trusted callers only), and returns its Z report.
 */
export function endShift(ctx: Ctx, shiftId: number, closedBy: number, countedCash: number): ShiftReport {
  return inTransaction(ctx, () => {
    const shift = requireShift(ctx.db, shiftId);
    if (shift.closedAt !== null) conflict(`Shift #${shiftId} sudah ditutup.`, `Shift #${shiftId} is already closed.`);
    return writeClose(ctx, shift, closedBy, countedCash);
  });
}
