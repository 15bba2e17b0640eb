import type { MethodParsed } from '../../../shared/contract';
import type { Page } from '../../../shared/contract/paging';
import type { Shift, ShiftReport } from '../../../shared/contract/till';
import { addDays, localToInstant } from '../../../shared/domain/time';
import { audit } from '../audit';
import { nowIso, type CoreContext } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { takeNumber } from '../sequences';
import { requireManager } from '../staff/approval';
import type { StaffMember } from '../../../shared/contract/till';
import { sql } from './db';
import { openShift, requireShift, shiftsBetween } from './rows';
import { shiftFigures } from './shiftReport';

// Shifts: one cash drawer, so one open shift at a time for the whole store.

export interface OpenShiftInput {
  openingFloat: number;
}

/** The signed-in staff member (the dispatcher let only a session through). */
export function actorOf(ctx: Pick<CoreContext, 'actor'>): StaffMember {
  return ctx.actor ?? forbidden('Masuk dulu dengan PIN Anda.', 'Sign in with your PIN first.');
}

/**
 * A shift is its cashier's (SPEC §5): only they sell on it. Managers may read
 * and close anyone's; another cashier may only close it with a manager's approval.
 */
export function assertOwnShift(ctx: Pick<CoreContext, 'actor'>, shift: Pick<Shift, 'id' | 'cashierId' | 'cashierName'>, managerToo = true): StaffMember {
  const actor = actorOf(ctx);
  if (actor.id === shift.cashierId || (managerToo && actor.role === 'manager')) return actor;
  return forbidden(
    `Shift #${shift.id} milik ${shift.cashierName}: hanya ${shift.cashierName} yang boleh memakainya. Minta ${shift.cashierName} kembali, atau tutup shift itu (dengan hitungan kasnya) lalu buka shift Anda sendiri.`,
    `Shift #${shift.id} belongs to ${shift.cashierName}: only ${shift.cashierName} may use it. Ask ${shift.cashierName} to come back, or close that shift (with its cash count) and open your own.`,
  );
}

export function openShiftHandler(input: OpenShiftInput, ctx: CoreContext): Shift {
  const staff = actorOf(ctx);
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
  assertOwnShift(ctx, shift);
  return shiftFigures(ctx.db, shift, 'X', nowIso(ctx), null);
}

export function closeShift(input: MethodParsed<'shifts.close'>, ctx: CoreContext): ShiftReport {
  const { db } = ctx;
  const staff = actorOf(ctx);
  const shift = requireShift(db, input.shiftId);
  if (shift.closedAt !== null) {
    conflict(`Shift #${shift.id} sudah ditutup (Z ${shift.zNumber}).`, `Shift #${shift.id} is already closed (Z ${shift.zNumber}).`);
  }
  if (staff.id !== shift.cashierId && staff.role !== 'manager') {
    // Another cashier found the shift open: with a manager's PIN it is closed with its count, and they open their own.
    if (!input.approval) {
      forbidden(
        `Shift #${shift.id} milik ${shift.cashierName}: hanya kasirnya sendiri atau pengelola yang dapat menutupnya (atau dengan PIN pengelola).`,
        `Shift #${shift.id} belongs to ${shift.cashierName}: only its own cashier or a manager can close it (or with a manager's PIN).`,
      );
    }
    requireManager(ctx, input.approval!);
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
  assertOwnShift(ctx, requireShift(ctx.db, input.shiftId));
  const row = sql(ctx.db, 'SELECT report_json FROM shift_closes WHERE shift_id = ?').get(input.shiftId) as { report_json: string } | undefined;
  if (!row) {
    requireShift(ctx.db, input.shiftId);
    notFound(`Shift #${input.shiftId} belum ditutup: belum ada laporan Z.`, `Shift #${input.shiftId} is not closed yet: there is no Z report.`);
  }
  return JSON.parse(row!.report_json) as ShiftReport;
}
