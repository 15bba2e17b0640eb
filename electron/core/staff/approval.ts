import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { audit } from '../audit';
import { AppError } from '../errors';
import { hashPin, verifyPin } from './pin';

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

export function lockMsAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/*
 * A hash of a PIN nobody has, with the same cost as a real one: an id that does
 * not exist (or an inactive staff member) is checked against it, so every
 * answer costs one scrypt and timing tells nothing about which ids exist.
 */
let dummyHash: string | null = null;
const dummy = () => (dummyHash ??= hashPin('00000000'));

/** A new PIN starts with a clean slate: the lock earned by guessing the old one is lifted. */
export function resetPinThrottle(db: Database.Database, staffId: number): void {
  db.prepare('DELETE FROM pin_attempts WHERE staff_id = ?').run(staffId);
}

/**
 * One wrong PIN, counted on disk and audited; the lock starts at the third.
 * Runs in a transaction of its own (ctx.durable), after the refused call rolled back.
 */
function recordFailure(db: Database.Database, staffId: number, at: Date, actorId: number | null): void {
  const atIso = at.toISOString();
  const { failures } = db
    .prepare(
      `INSERT INTO pin_attempts (staff_id, failures, locked_until, last_failed_at) VALUES (?, 1, 0, ?)
       ON CONFLICT(staff_id) DO UPDATE SET failures = failures + 1, last_failed_at = excluded.last_failed_at
       RETURNING failures`,
    )
    .get(staffId, atIso) as { failures: number };
  const lockMs = lockMsAfter(failures);
  const lockedUntil = lockMs > 0 ? at.getTime() + lockMs : 0;
  if (lockMs > 0) db.prepare('UPDATE pin_attempts SET locked_until = ? WHERE staff_id = ?').run(lockedUntil, staffId);
  // The actor is who was signed in when the PIN was typed (null at the lock screen); the subject is the id tried.
  const actorExists = actorId !== null && db.prepare('SELECT 1 FROM staff WHERE id = ?').get(actorId) !== undefined;
  audit(db, { at: atIso, actorId: actorExists ? actorId : null, action: 'auth.pinFailed', subjectType: 'staff', subjectId: staffId, after: { failures } });
  if (lockMs > 0) {
    audit(db, {
      at: atIso,
      actorId: actorExists ? actorId : null,
      action: 'auth.lockout',
      subjectType: 'staff',
      subjectId: staffId,
      after: { failures, lockedUntil: new Date(lockedUntil).toISOString(), seconds: lockMs / 1000 },
    });
  }
}

type PinContext = Pick<CoreContext, 'db' | 'now'> & Partial<Pick<CoreContext, 'durable' | 'actor'>>;

/**
 * Checks a staff member's PIN, with the durable throttle. Returns the staff
 * member or throws: THROTTLED while locked out (the PIN is not even checked),
 * FORBIDDEN for a wrong PIN or an inactive or unknown staff member (the same
 * message and the same cost, so a guesser learns nothing).
 */
export function checkPin(ctx: PinContext, staffId: number, pin: string): StaffMember {
  const at = ctx.now();
  const throttle = ctx.db.prepare('SELECT failures, locked_until FROM pin_attempts WHERE staff_id = ?').get(staffId) as
    | { failures: number; locked_until: number }
    | undefined;
  if (throttle && throttle.locked_until > at.getTime()) {
    const seconds = Math.ceil((throttle.locked_until - at.getTime()) / 1000);
    throw new AppError('THROTTLED', {
      id: `Terlalu banyak PIN salah. Coba lagi dalam ${seconds} detik.`,
      en: `Too many wrong PINs. Try again in ${seconds} seconds.`,
    });
  }
  const row = ctx.db.prepare('SELECT id, name, role, active, pin_hash FROM staff WHERE id = ?').get(staffId) as
    | { id: number; name: string; role: 'cashier' | 'manager'; active: number; pin_hash: string }
    | undefined;
  const usable = row !== undefined && row.active === 1;
  const matches = verifyPin(pin, usable ? row.pin_hash : dummy());
  if (!usable || !matches) {
    const actorId = ctx.actor?.id ?? null;
    const work = (db: Database.Database) => recordFailure(db, staffId, at, actorId);
    // Without a durable queue (a handler called outside the dispatcher) the failure is written in place.
    if (ctx.durable) ctx.durable(work);
    else work(ctx.db);
    // The attempt before a lockout says so, with how long the wait would be.
    const failures = (throttle?.failures ?? 0) + 1;
    const next = lockMsAfter(failures + 1) / 1000;
    if (lockMsAfter(failures) === 0 && next > 0) {
      throw new AppError('FORBIDDEN', {
        id: `PIN salah atau staf tidak aktif. Sekali lagi salah: terkunci ${next} detik.`,
        en: `Wrong PIN or inactive staff member. One more wrong PIN locks for ${next} seconds.`,
      });
    }
    throw new AppError('FORBIDDEN', { id: 'PIN salah atau staf tidak aktif.', en: 'Wrong PIN or inactive staff member.' });
  }
  if (throttle) resetPinThrottle(ctx.db, staffId);
  return { id: row.id, name: row.name, role: row.role, active: true };
}

/**
 * A manager's approval at the moment of a sensitive action: the PIN must be
 * right and the staff member a manager. Returns the manager, for the audit log.
 */
export function requireManager(ctx: PinContext, approval: { staffId: number; pin: string }): StaffMember {
  const member = checkPin(ctx, approval.staffId, approval.pin);
  if (member.role !== 'manager') {
    throw new AppError('FORBIDDEN', {
      id: 'Tindakan ini memerlukan PIN pengelola.',
      en: 'This action needs a manager PIN.',
    });
  }
  return member;
}
