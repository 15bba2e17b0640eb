import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { verifyPin } from './pin';

export interface StaffMember {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
  active: boolean;
}

/** After this many wrong PINs in a row a staff member must wait, doubling each time (max 15 minutes). */
export const FREE_ATTEMPTS = 3;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

interface ThrottleState {
  failures: number;
  lockedUntil: number;
}

/*
 * Kept in memory per open database rather than in a table: a failed check
 * throws, which rolls back the call's transaction, so a row written there
 * would vanish with it. A restart clears the counters; the slow PIN hash
 * still bounds guessing.
 */
const throttles = new WeakMap<Database.Database, Map<number, ThrottleState>>();
function stateFor(db: Database.Database, staffId: number): ThrottleState {
  let map = throttles.get(db);
  if (!map) throttles.set(db, (map = new Map()));
  let s = map.get(staffId);
  if (!s) map.set(staffId, (s = { failures: 0, lockedUntil: 0 }));
  return s;
}

/** A new PIN starts with a clean slate: the lock earned by guessing the old one is lifted. */
export function resetPinThrottle(db: Database.Database, staffId: number): void {
  throttles.get(db)?.delete(staffId);
}

export function lockMsAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/**
 * Checks a staff member's PIN, with throttling. Returns the staff member or
 * throws: THROTTLED while locked out, FORBIDDEN for a wrong PIN or an
 * inactive or unknown staff member (the same message, so a guesser learns nothing).
 */
export function checkPin(ctx: Pick<CoreContext, 'db' | 'now'>, staffId: number, pin: string): StaffMember {
  const now = ctx.now().getTime();
  const state = stateFor(ctx.db, staffId);
  if (state.lockedUntil > now) {
    const seconds = Math.ceil((state.lockedUntil - now) / 1000);
    throw new AppError('THROTTLED', {
      id: `Terlalu banyak PIN salah. Coba lagi dalam ${seconds} detik.`,
      en: `Too many wrong PINs. Try again in ${seconds} seconds.`,
    });
  }
  const row = ctx.db.prepare('SELECT id, name, role, active, pin_hash FROM staff WHERE id = ?').get(staffId) as
    | { id: number; name: string; role: 'cashier' | 'manager'; active: number; pin_hash: string }
    | undefined;
  const good = row !== undefined && row.active === 1 && verifyPin(pin, row.pin_hash);
  if (!good) {
    state.failures += 1;
    state.lockedUntil = now + lockMsAfter(state.failures);
    // The attempt before a lockout says so, with how long the wait would be.
    const next = lockMsAfter(state.failures + 1) / 1000;
    if (state.lockedUntil <= now && next > 0) {
      throw new AppError('FORBIDDEN', {
        id: `PIN salah atau staf tidak aktif. Sekali lagi salah: terkunci ${next} detik.`,
        en: `Wrong PIN or inactive staff member. One more wrong PIN locks for ${next} seconds.`,
      });
    }
    throw new AppError('FORBIDDEN', { id: 'PIN salah atau staf tidak aktif.', en: 'Wrong PIN or inactive staff member.' });
  }
  state.failures = 0;
  state.lockedUntil = 0;
  return { id: row.id, name: row.name, role: row.role, active: row.active === 1 };
}

/**
 * A manager's approval at the moment of a sensitive action: the PIN must be
 * right and the staff member a manager. Returns the manager, for the audit log.
 */
export function requireManager(ctx: Pick<CoreContext, 'db' | 'now'>, approval: { staffId: number; pin: string }): StaffMember {
  const member = checkPin(ctx, approval.staffId, approval.pin);
  if (member.role !== 'manager') {
    throw new AppError('FORBIDDEN', {
      id: 'Tindakan ini memerlukan PIN pengelola.',
      en: 'This action needs a manager PIN.',
    });
  }
  return member;
}
