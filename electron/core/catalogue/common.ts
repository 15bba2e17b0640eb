import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { toLocalDate } from '../../../shared/domain/time';
import { notFound } from '../errors';
import type { StaffRef } from '../../../shared/contract/stock';

/** Today's local date in the store's time zone. */
export const todayLocal = (ctx: Pick<CoreContext, 'now' | 'timeZone'>): string => toLocalDate(ctx.now(), ctx.timeZone());

/** Optional text inputs arrive trimmed or undefined; the database keeps '' for "none". */
export const text = (value: string | undefined): string => value ?? '';

/** An empty code means "no code". */
export const codeOrNull = (value: string | undefined | null): string | null => {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** The staff member who acts, when given: must exist. */
export function staffRef(db: Database.Database, staffId: number | undefined | null): StaffRef | null {
  if (staffId === undefined || staffId === null) return null;
  const row = db.prepare('SELECT id, name FROM staff WHERE id = ?').get(staffId) as StaffRef | undefined;
  if (!row) return notFound(`Staf #${staffId} tidak ditemukan`, `Staff member #${staffId} not found`);
  return row;
}

/** Escapes a LIKE pattern so a search for `50%` finds `50%`. */
export const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
