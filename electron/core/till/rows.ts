import type Database from 'better-sqlite3';
import type { Shift, StaffMember, StaffRole } from '../../../shared/contract/till';
import { notFound } from '../errors';
import { sql } from './db';
import { pagedRows } from '../paging';
import type { Page } from '../../../shared/contract/paging';

export interface StaffRow {
  id: number;
  name: string;
  role: StaffRole;
  active: number;
}

export const toStaffMember = (r: StaffRow): StaffMember => ({ id: r.id, name: r.name, role: r.role, active: r.active === 1 });

export function staffById(db: Database.Database, id: number): StaffMember | null {
  const r = sql(db, 'SELECT id, name, role, active FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
  return r ? toStaffMember(r) : null;
}

export function requireStaff(db: Database.Database, id: number): StaffMember {
  return staffById(db, id) ?? notFound(`Staf #${id} tidak ditemukan`, `Staff member #${id} not found`);
}

interface ShiftRow {
  id: number;
  cashier_id: number;
  cashier_name: string;
  opened_at: string;
  opening_float: number;
  closed_at: string | null;
  z_number: number | null;
}

export const SHIFT_SELECT = `SELECT s.id, s.cashier_id, st.name AS cashier_name, s.opened_at, s.opening_float, c.closed_at, c.z_number
  FROM shifts s JOIN staff st ON st.id = s.cashier_id LEFT JOIN shift_closes c ON c.shift_id = s.id`;

export const toShift = (r: ShiftRow): Shift => ({
  id: r.id,
  cashierId: r.cashier_id,
  cashierName: r.cashier_name,
  openedAt: r.opened_at,
  openingFloat: r.opening_float,
  closedAt: r.closed_at,
  zNumber: r.z_number,
});

export function shiftById(db: Database.Database, id: number): Shift | null {
  const r = sql(db, `${SHIFT_SELECT} WHERE s.id = ?`).get(id) as ShiftRow | undefined;
  return r ? toShift(r) : null;
}

export function requireShift(db: Database.Database, id: number): Shift {
  return shiftById(db, id) ?? notFound(`Shift #${id} tidak ditemukan`, `Shift #${id} not found`);
}

/**
 * The open shift of the store, or null. Only one shift is open at a time and a
 * new one opens only when none is, so an open shift is always the newest one:
 * reading the newest row is enough (no scan of the shift history).
 */
export function openShift(db: Database.Database): Shift | null {
  const r = sql(db, `${SHIFT_SELECT} WHERE s.id = (SELECT MAX(id) FROM shifts)`).get() as ShiftRow | undefined;
  return r && r.closed_at === null ? toShift(r) : null;
}

/** Shifts opened in a range, newest first, a page at a time. */
export function shiftsBetween(db: Database.Database, fromInstant: string | null, toInstant: string | null, page: { offset?: number; limit?: number } = {}): Page<Shift> {
  const where: string[] = [];
  const args: string[] = [];
  if (fromInstant) { where.push('s.opened_at >= ?'); args.push(fromInstant); }
  if (toInstant) { where.push('s.opened_at < ?'); args.push(toInstant); }
  return pagedRows<ShiftRow, Shift>(
    db,
    {
      select: 's.id, s.cashier_id, st.name AS cashier_name, s.opened_at, s.opening_float, c.closed_at, c.z_number',
      from: 'shifts s JOIN staff st ON st.id = s.cashier_id LEFT JOIN shift_closes c ON c.shift_id = s.id',
      countFrom: 'shifts s',
      where,
      args,
      orderBy: 's.opened_at DESC, s.id DESC',
    },
    page,
    toShift,
  );
}
