import type { MethodParsed } from '../../../shared/contract';
import type { Page } from '../../../shared/contract/paging';
import type { Shift, ShiftReport } from '../../../shared/contract/till';
import { addDays, localToInstant } from '../../../shared/domain/time';
import { audit } from '../audit';
import { nowIso, type CoreContext } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { takeNumber } from '../sequences';
import { checkPin } from '../staff/approval';
import { sql } from './db';
import { openShift, requireShift, shiftsBetween } from './rows';
import { shiftFigures } from './shiftReport';

// Shifts: one cash drawer, so one open shift at a time for the whole store.

export interface OpenShiftInput {
  auth: { staffId: number; pin: string };
  openingFloat: number;
}

export function openShiftHandler(input: OpenShiftInput, ctx: CoreContext): Shift {
  const staff = checkPin(ctx, input.auth.staffId, input.auth.pin);
  const current = openShift(ctx.db);
  if (current) {
    conflict(
      `Shift #${current.id} (${current.cashierName}) masih terbuka: tutup dulu sebelum membuka shift baru.`,
      `Shift #${current.id} (${current.cashierName}) is still open: close it before opening a new one.`,
    );
  }
  const id = Number(
    sql(ctx.db, 'INSERT INTO shifts (cashier_id, opened_at, opening_float) VALUES (?, ?, ?)').run(staff.id, nowIso(ctx), input.openingFloat)
      .lastInsertRowid,
  );
  return requireShift(ctx.db, id);
}

export function currentShift(_input: unknown, ctx: CoreContext): Shift | null {
  return openShift(ctx.db);
}

export function getShift(input: MethodParsed<'shifts.get'>, ctx: CoreContext): Shift {
  return requireShift(ctx.db, input.id);
}

export function listShifts(input: MethodParsed<'shifts.list'>, ctx: CoreContext): Page<Shift> {
  const tz = ctx.timeZone();
  const from = input.from ? localToInstant(input.from, tz) : null;
  const to = input.to ? localToInstant(addDays(input.to, 1), tz) : null;
  return shiftsBetween(ctx.db, from, to, input);
}

export function xReport(input: MethodParsed<'shifts.xReport'>, ctx: CoreContext): ShiftReport {
  const shift = requireShift(ctx.db, input.shiftId);
  return shiftFigures(ctx.db, shift, 'X', nowIso(ctx), null);
}

export function closeShift(input: MethodParsed<'shifts.close'>, ctx: CoreContext): ShiftReport {
  const { db } = ctx;
  const staff = checkPin(ctx, input.auth.staffId, input.auth.pin);
  const shift = requireShift(db, input.shiftId);
  if (shift.closedAt !== null) {
    conflict(`Shift #${shift.id} sudah ditutup (Z ${shift.zNumber}).`, `Shift #${shift.id} is already closed (Z ${shift.zNumber}).`);
  }
  if (staff.id !== shift.cashierId && staff.role !== 'manager') {
    forbidden(
      'Shift hanya dapat ditutup oleh kasirnya sendiri atau seorang pengelola.',
      'A shift can be closed only by its own cashier or a manager.',
    );
  }
  return writeClose(ctx, shift, staff.id, input.countedCash);
}

/** Closes an open shift: its Z number, the shift_closes row with the Z report as printed, an audit row. */
export function writeClose(ctx: Pick<CoreContext, 'db' | 'now'>, shift: Shift, closedBy: number, countedCash: number): ShiftReport {
  const { db } = ctx;
  const at = nowIso(ctx);
  const zNumber = takeNumber(db, 'z_report');
  const closed: Shift = { ...shift, closedAt: at, zNumber };
  const report = shiftFigures(db, closed, 'Z', at, countedCash);
  sql(
    db,
    `INSERT INTO shift_closes (shift_id, z_number, closed_at, closed_by, expected_cash, counted_cash, variance, report_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(shift.id, zNumber, at, closedBy, report.expectedCash, countedCash, report.variance, JSON.stringify(report));
  audit(db, {
    at,
    actorId: closedBy,
    action: 'shift.close',
    subjectType: 'shift',
    subjectId: shift.id,
    after: { zNumber, expectedCash: report.expectedCash, countedCash, variance: report.variance },
  });
  return report;
}

export function zReport(input: MethodParsed<'shifts.zReport'>, ctx: CoreContext): ShiftReport {
  const row = sql(ctx.db, 'SELECT report_json FROM shift_closes WHERE shift_id = ?').get(input.shiftId) as { report_json: string } | undefined;
  if (!row) {
    requireShift(ctx.db, input.shiftId);
    notFound(`Shift #${input.shiftId} belum ditutup: belum ada laporan Z.`, `Shift #${input.shiftId} is not closed yet: there is no Z report.`);
  }
  return JSON.parse(row!.report_json) as ShiftReport;
}
