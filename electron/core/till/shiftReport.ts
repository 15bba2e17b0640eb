import type Database from 'better-sqlite3';
import type { PaymentMethod, Shift, ShiftReport } from '../../../shared/contract/till';
import { sql } from './db';
import { salesChainCode } from '../journal/salesJournal';

const METHODS: PaymentMethod[] = ['cash', 'qris', 'transfer'];

/**
 * The figures of a shift (X report, or the Z report at close). Sales are the
 * shift's sales that were not voided; voids are counted separately; refunds are
 * those paid out while this shift was open (refunds.shift_id); drawer payouts
 * are producer payouts paid in cash from this shift's drawer.
 * Expected cash = float + cash sales − cash refunds − cash payouts from the drawer.
 */
export function shiftFigures(
  db: Database.Database,
  shift: Shift,
  kind: 'X' | 'Z',
  printedAt: string,
  countedCash: number | null,
): ShiftReport {
  const byMethodRows = sql(
    db,
    `SELECT s.payment_method AS method, COUNT(*) AS count, COALESCE(SUM(s.total), 0) AS total
       FROM sales s WHERE s.shift_id = ? AND NOT EXISTS (SELECT 1 FROM sale_voids v WHERE v.sale_id = s.id)
      GROUP BY s.payment_method`,
  ).all(shift.id) as { method: PaymentMethod; count: number; total: number }[];
  const byMethod = METHODS.map((method) => {
    const r = byMethodRows.find((x) => x.method === method);
    return { method, count: r?.count ?? 0, total: r?.total ?? 0 };
  });
  const voids = sql(
    db,
    `SELECT COUNT(*) AS count, COALESCE(SUM(s.total), 0) AS total FROM sale_voids v JOIN sales s ON s.id = v.sale_id WHERE v.shift_id = ?`,
  ).get(shift.id) as { count: number; total: number };
  const refunds = sql(
    db,
    `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS total,
            COALESCE(SUM(CASE WHEN method = 'cash' THEN amount ELSE 0 END), 0) AS cashTotal
       FROM refunds WHERE shift_id = ?`,
  ).get(shift.id) as { count: number; total: number; cashTotal: number };
  const drawerPayouts = sql(
    db,
    `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS total FROM payouts WHERE shift_id = ? AND method = 'cash_drawer'`,
  ).get(shift.id) as { count: number; total: number };

  const salesCount = byMethod.reduce((n, m) => n + m.count, 0);
  const salesTotal = byMethod.reduce((n, m) => n + m.total, 0);
  const cashSales = byMethod.find((m) => m.method === 'cash')!.total;
  const expectedCash = shift.openingFloat + cashSales - refunds.cashTotal - drawerPayouts.total;
  return {
    kind,
    zNumber: kind === 'Z' ? shift.zNumber : null,
    shift,
    printedAt,
    salesCount,
    salesTotal,
    byMethod,
    voids,
    refunds,
    drawerPayouts,
    openingFloat: shift.openingFloat,
    expectedCash,
    countedCash,
    variance: countedCash === null ? null : countedCash - expectedCash,
    salesChainCode: salesChainCode(db),
  };
}
