import type { MethodParsed } from '../../../shared/contract';
import type { Shift, SignedIn, StaffMember } from '../../../shared/contract/till';
import { audit } from '../audit';
import { nowIso, type CoreContext } from '../context';
import { conflict, forbidden } from '../errors';
import { checkPin, requireManager, resetPinThrottle } from '../staff/approval';
import { hashPin } from '../staff/pin';
import { sql } from './db';
import { openShift, requireStaff, toStaffMember, type StaffRow } from './rows';

// Staff and PINs (SPEC §5). PINs and their hashes never reach the audit log or a reply.

export function listStaff(input: MethodParsed<'staff.list'>, ctx: CoreContext): StaffMember[] {
  const rows = sql(
    ctx.db,
    `SELECT id, name, role, active FROM staff ${input.includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, name, id`,
  ).all() as StaffRow[];
  return rows.map(toStaffMember);
}

const public_ = (m: StaffMember) => ({ name: m.name, role: m.role, active: m.active });

export function createStaff(input: MethodParsed<'staff.create'>, ctx: CoreContext): StaffMember {
  const { db } = ctx;
  const at = nowIso(ctx);
  const anyone = sql(db, 'SELECT 1 FROM staff LIMIT 1').get() !== undefined;
  let actorId: number | null = null;
  if (!anyone) {
    // First run: the first staff member must be able to approve everything after.
    if (input.role !== 'manager')
      forbidden('Staf pertama harus seorang pengelola.', 'The first staff member must be a manager.');
  } else {
    // A manager's session (the dispatcher checked it); an approval, if sent, must still be right.
    if (!ctx.actor || ctx.actor.role !== 'manager')
      forbidden('Menambah staf memerlukan sesi pengelola.', "Adding a staff member needs a manager's session.");
    if (input.approval) requireManager(ctx, input.approval);
    actorId = ctx.actor!.id;
  }
  const id = Number(
    sql(db, 'INSERT INTO staff (name, role, pin_hash, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)').run(
      input.name,
      input.role,
      hashPin(input.pin),
      at,
      at,
    ).lastInsertRowid,
  );
  const member = requireStaff(db, id);
  audit(db, { at, actorId: actorId ?? id, action: 'staff.create', subjectType: 'staff', subjectId: id, after: public_(member) });
  return member;
}

const activeManagers = (ctx: CoreContext): number =>
  (sql(ctx.db, "SELECT COUNT(*) AS n FROM staff WHERE role = 'manager' AND active = 1").get() as { n: number }).n;

export function updateStaff(input: MethodParsed<'staff.update'>, ctx: CoreContext): StaffMember {
  const { db } = ctx;
  if (!ctx.actor || ctx.actor.role !== 'manager')
    forbidden('Mengubah staf memerlukan sesi pengelola.', "Changing a staff member needs a manager's session.");
  if (input.approval) requireManager(ctx, input.approval);
  const manager = ctx.actor!;
  const before = requireStaff(db, input.id);
  const after: StaffMember = {
    id: before.id,
    name: input.name ?? before.name,
    role: input.role ?? before.role,
    active: input.active ?? before.active,
  };
  const wasManager = before.role === 'manager' && before.active;
  const staysManager = after.role === 'manager' && after.active;
  if (wasManager && !staysManager && activeManagers(ctx) <= 1) {
    conflict(
      'Pengelola aktif terakhir tidak dapat dinonaktifkan atau diturunkan. Tambahkan pengelola lain dulu.',
      'The last active manager cannot be deactivated or demoted. Add another manager first.',
    );
  }
  const pinChanged = input.pin !== undefined;
  const changed =
    pinChanged || after.name !== before.name || after.role !== before.role || after.active !== before.active;
  if (!changed) return before;
  const at = nowIso(ctx);
  sql(db, 'UPDATE staff SET name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?').run(
    after.name,
    after.role,
    after.active ? 1 : 0,
    at,
    after.id,
  );
  if (pinChanged) {
    sql(db, 'UPDATE staff SET pin_hash = ? WHERE id = ?').run(hashPin(input.pin!), after.id);
    resetPinThrottle(db, after.id);
  }
  audit(db, {
    at,
    actorId: manager.id,
    action: 'staff.update',
    subjectType: 'staff',
    subjectId: after.id,
    before: public_(before),
    // Only the fact that the PIN changed, never the PIN or its hash.
    after: { ...public_(after), ...(pinChanged ? { pinChanged: true } : {}) },
  });
  return after;
}

export function signIn(input: MethodParsed<'auth.signIn'>, ctx: CoreContext): SignedIn {
  const staff = checkPin(ctx, input.staffId, input.pin);
  // Signing in at a till where someone is signed in replaces their session: one person at the till.
  ctx.session.end();
  return { staff, openShift: openShift(ctx.db), sessionId: ctx.session.open(staff.id) };
}

export function signOut(_input: unknown, ctx: CoreContext): { signedOut: boolean } {
  ctx.session.end();
  return { signedOut: ctx.actor !== null };
}

export function currentSession(_input: unknown, ctx: CoreContext): { staff: StaffMember; openShift: Shift | null } | null {
  return ctx.actor ? { staff: ctx.actor, openShift: openShift(ctx.db) } : null;
}

export function approve(input: MethodParsed<'auth.approve'>, ctx: CoreContext): StaffMember {
  return requireManager(ctx, input);
}
