import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/app';
import { hashPin } from '../../electron/core/staff/pin';
import type { Envelope, MethodInput, MethodName, MethodOutput } from '../../shared/contract';

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

export interface TestCore {
  core: Core;
  clock: TestClock;
  dataDir: string;
  /** Calls a method and returns its value; throws with the error message if it was refused. */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M>;
  /** Calls a method that must be refused; returns the error body. */
  err<M extends MethodName>(method: M, input: unknown): { code: string; message: string; field?: string };
  raw(method: string, input: unknown): Envelope<unknown>;
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
export function makeTestCore(options: { clock?: TestClock; dataDir?: string } = {}): TestCore {
  const clock = options.clock ?? new TestClock();
  const dataDir = options.dataDir ?? tempDir();
  // The background full checks run only when a test asks (core.runBackgroundChecks()), not on a timer.
  const core = createCore({ dataDir, now: clock.now, shell: 'browser', backgroundChecksAfterMs: null });
  const staff = new Map<string, number>();
  const member = (role: 'cashier' | 'manager', pin: string) => {
    const key = `${role}:${pin}`;
    if (!staff.has(key)) staff.set(key, insertStaff(core, role === 'manager' ? `Manajer ${pin}` : `Kasir ${pin}`, role, pin));
    return { staffId: staff.get(key)!, pin };
  };
  return {
    core,
    clock,
    dataDir,
    ok(method, input) {
      const reply = core.call(method, input);
      if (!reply.ok) throw new Error(`${method} refused: ${reply.error.code} ${reply.error.message}`);
      return reply.value as never;
    },
    err(method, input) {
      const reply = core.call(method, input);
      if (reply.ok) throw new Error(`${method} was expected to be refused but answered ${JSON.stringify(reply.value).slice(0, 300)}`);
      return reply.error;
    },
    raw: (method, input) => core.call(method, input),
    manager: (pin = '1234') => member('manager', pin),
    cashier: (pin = '2222') => member('cashier', pin),
    close: () => core.close(),
  };
}
