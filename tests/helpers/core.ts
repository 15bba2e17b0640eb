import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/app';
import type { Caller } from '../../electron/core/context';
import { hashPin } from '../../electron/core/staff/pin';
import { contract, isMethodName, type Envelope, type MethodInput, type MethodName, type MethodOutput } from '../../shared/contract';

/** A settable clock for tests: starts at `start`, moves only when told. */
export class TestClock {
  private t: number;
  constructor(start: string | Date = '2026-11-02T02:00:00.000Z') {
    this.t = new Date(start).getTime();
  }
  now = (): Date => new Date(this.t);
  set(at: string | Date): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceDays(days: number): void {
    this.t += days * 86_400_000;
  }
}

export function tempDir(prefix = 'ukm-mart-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Calls made as one signed-in staff member (or as nobody). */
export interface Acting {
  /** Calls a method and returns its value; throws with the error message if it was refused. */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M>;
  /** Calls a method that must be refused; returns the error body. */
  err<M extends MethodName>(method: M, input: unknown): { code: string; message: string; field?: string };
  raw(method: string, input: unknown): Envelope<unknown>;
  /** The same, through `core.callAsync` (backup.create, backup.restore). */
  callAsync(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** The session these calls carry (signs in if needed); `{}` for nobody. */
  caller(): Caller;
}

/**
 * A core on a temporary folder. `ok`/`err`/`raw`/`callAsync` act as a manager
 * signed in automatically on first need (the first manager whose PIN the
 * helper knows, else one created with PIN '1234'), and sign in again when the
 * session ended (the test clock moved past the idle time, a restore).
 * `asStaff(id, pin)` acts as someone else; `nobody` carries no session.
 */
export interface TestCore extends Acting {
  core: Core;
  clock: TestClock;
  dataDir: string;
  asStaff(staffId: number, pin: string): Acting;
  readonly nobody: Acting;
  /**
   * A manager (created on first use, PIN '1234' unless given) and the approval
   * object sensitive methods take: `{ staffId, pin }`.
   */
  manager(pin?: string): { staffId: number; pin: string };
  /** A cashier staff member (PIN '2222' unless given). */
  cashier(pin?: string): { staffId: number; pin: string };
  close(): void;
}

/**
 * The same scrypt hash format as hashPin, at a test's cost (N = 2^10 instead of
 * 2^14): verifyPin reads N from the hash, so approvals still check the PIN for
 * real, without ~50 ms (and far more on a busy machine) of key stretching each.
 */
function testPinHash(pin: string): string {
  if (!/^\d{4,8}$/.test(pin)) return hashPin(pin);
  const salt = crypto.randomBytes(16);
  return `scrypt$1024$8$1$${salt.toString('hex')}$${crypto.scryptSync(pin, salt, 32, { N: 1024, r: 8, p: 1 }).toString('hex')}`;
}

function insertStaff(core: Core, name: string, role: 'cashier' | 'manager', pin: string): number {
  const at = new Date().toISOString();
  return Number(
    core.db!.prepare('INSERT INTO staff (name, role, pin_hash, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)').run(name, role, testPinHash(pin), at, at)
      .lastInsertRowid,
  );
}

/** A core on a real SQLite file in a fresh temporary folder, with a test clock. */
export function makeTestCore(options: { clock?: TestClock; dataDir?: string; sessionIdleMinutes?: number } = {}): TestCore {
  const clock = options.clock ?? new TestClock();
  const dataDir = options.dataDir ?? tempDir();
  // The background full checks run only when a test asks (core.runBackgroundChecks()), not on a timer.
  const core = createCore({
    dataDir,
    now: clock.now,
    shell: 'browser',
    backgroundChecksAfterMs: null,
    ...(options.sessionIdleMinutes ? { sessionIdleMinutes: options.sessionIdleMinutes } : {}),
  });
  const staff = new Map<string, number>();
  /** Managers whose PIN the helper knows, in the order they appeared: the automatic session signs in as the first. */
  const knownManagers: { staffId: number; pin: string }[] = [];
  const member = (role: 'cashier' | 'manager', pin: string) => {
    const key = `${role}:${pin}`;
    if (!staff.has(key)) {
      staff.set(key, insertStaff(core, role === 'manager' ? `Manajer ${pin}` : `Kasir ${pin}`, role, pin));
      if (role === 'manager') knownManagers.push({ staffId: staff.get(key)!, pin });
    }
    return { staffId: staff.get(key)!, pin };
  };
  const signIn = (who: { staffId: number; pin: string }): string | null => {
    const reply = core.call('auth.signIn', who);
    return reply.ok ? (reply.value as { sessionId: string }).sessionId : null;
  };
  const hasStaff = () => core.db !== null && core.db.prepare('SELECT 1 FROM staff LIMIT 1').get() !== undefined;
  /** Whether a call needs a session at all: not for `anyone`, nor on a new store's first steps. */
  const needsSession = (method: string) => {
    if (!isMethodName(method) || !core.db) return false;
    const access = contract[method].access;
    if (access === 'anyone') return false;
    if ((access === 'setup' || method === 'staff.create') && !hasStaff()) return false;
    return true;
  };

  const acting = (who: () => { staffId: number; pin: string } | null): Acting => {
    let session: string | null = null;
    const ensure = (): Caller => {
      if (session === null) {
        const w = who();
        if (w) session = signIn(w);
      }
      return session ? { sessionId: session } : {};
    };
    const remember = (method: string, input: unknown, reply: Envelope<unknown>) => {
      // A manager created through the helper can be the automatic session later (no extra staff rows).
      if (reply.ok && method === 'staff.create') {
        const i = input as { role?: string; pin?: string };
        if (i.role === 'manager' && i.pin) knownManagers.push({ staffId: (reply.value as { id: number }).id, pin: i.pin });
      }
      return reply;
    };
    const once = (method: string, input: unknown): Envelope<unknown> => {
      const caller = needsSession(method) ? ensure() : session ? { sessionId: session } : {};
      return core.call(method, input, caller);
    };
    const raw = (method: string, input: unknown): Envelope<unknown> => {
      let reply = once(method, input);
      if (!reply.ok && reply.error.code === 'UNAUTHENTICATED' && session !== null) {
        session = null;
        reply = once(method, input);
      }
      return remember(method, input, reply);
    };
    return {
      raw,
      ok(method, input) {
        const reply = raw(method, input);
        if (!reply.ok) throw new Error(`${method} refused: ${reply.error.code} ${reply.error.message}`);
        return reply.value as never;
      },
      err(method, input) {
        const reply = raw(method, input);
        if (reply.ok) throw new Error(`${method} was expected to be refused but answered ${JSON.stringify(reply.value).slice(0, 300)}`);
        return reply.error;
      },
      async callAsync(method, input) {
        const go = () => core.callAsync(method, input, needsSession(method) ? ensure() : session ? { sessionId: session } : {});
        let reply = await go();
        if (!reply.ok && reply.error.code === 'UNAUTHENTICATED' && session !== null) {
          session = null;
          reply = await go();
        }
        return reply;
      },
      caller: () => ensure(),
    };
  };

  // The automatic manager: one whose PIN is known and who can still sign in, else 'Manajer 1234'.
  const automatic = acting(() => {
    for (const m of knownManagers) {
      const row = core.db?.prepare("SELECT 1 FROM staff WHERE id = ? AND role = 'manager' AND active = 1").get(m.staffId);
      if (row) return m;
    }
    return member('manager', '1234');
  });
  const nobody = acting(() => null);
  return {
    core,
    clock,
    dataDir,
    ...automatic,
    asStaff: (staffId, pin) => acting(() => ({ staffId, pin })),
    nobody,
    manager: (pin = '1234') => member('manager', pin),
    cashier: (pin = '2222') => member('cashier', pin),
    close: () => core.close(),
  };
}
