import type Database from 'better-sqlite3';
import type { Access } from '../../shared/contract/define';
import type { StaffMember } from '../../shared/contract/till';
import type { BiText } from '../../shared/i18nText';
import { readFlag } from './settings';
import type { SessionBook } from './staff/sessions';
import { staffById } from './till/rows';

/**
 * The access check every call goes through before its input is read (SPEC §5):
 * `anyone` needs no session, `staff` a live session of an active staff member,
 * `manager` that staff member a manager. `setup` methods need no session while
 * the store is being set up (no first-run choice yet, or nobody to sign in);
 * afterwards only a manager reaches them (and they refuse: set-up happens once).
 */
export type AccessResult =
  | { ok: true; actor: StaffMember | null }
  | { ok: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; text: BiText };

/**
 * Methods a new store calls before anyone can sign in: the first manager is
 * created with no session (the handler insists it is a manager and refuses
 * once any staff member exists without a manager's approval).
 */
const FIRST_STAFF_METHODS = new Set(['staff.create']);

const SIGN_IN_FIRST: BiText = { id: 'Masuk dulu dengan PIN Anda.', en: 'Sign in with your PIN first.' };
const SESSION_IDLE: BiText = {
  id: 'Sesi berakhir karena lama tidak dipakai: masuk lagi dengan PIN.',
  en: 'Your session ended after being idle: sign in again with your PIN.',
};
const STAFF_GONE: BiText = { id: 'Staf ini tidak aktif lagi: sesi berakhir.', en: 'This staff member is no longer active: the session ended.' };
export const managerOnly = (method: string): BiText => ({
  id: `Hanya pengelola yang boleh melakukan ini (${method}).`,
  en: `Only a manager may do this (${method}).`,
});

const hasStaff = (db: Database.Database) => db.prepare('SELECT 1 FROM staff LIMIT 1').get() !== undefined;

export function checkAccess(args: {
  method: string;
  access: Access;
  db: Database.Database;
  sessions: Pick<SessionBook, 'resolve' | 'end'>;
  sessionId: string | undefined;
  nowMs: number;
  idleMs: number;
}): AccessResult {
  const { method, access, db, sessions, sessionId } = args;
  const resolved = sessions.resolve(sessionId, args.nowMs, args.idleMs);
  let actor: StaffMember | null = null;
  let why: BiText = resolved.state === 'expired' ? SESSION_IDLE : SIGN_IN_FIRST;
  if (resolved.state === 'ok') {
    actor = staffById(db, resolved.staffId);
    if (!actor || !actor.active) {
      sessions.end(sessionId);
      actor = null;
      why = STAFF_GONE;
    }
  }
  if (access === 'anyone') return { ok: true, actor };
  if (access === 'setup' && (readFlag(db, 'setupDone') !== true || !hasStaff(db))) return { ok: true, actor };
  if (FIRST_STAFF_METHODS.has(method) && !hasStaff(db)) return { ok: true, actor };
  if (!actor) return { ok: false, code: 'UNAUTHENTICATED', text: why };
  if (access === 'staff') return { ok: true, actor };
  if (actor.role !== 'manager') return { ok: false, code: 'FORBIDDEN', text: managerOnly(method) };
  return { ok: true, actor };
}
