/**
 * Who may call what (SPEC §5), generated from the contract: every method ×
 * {no session, an expired session, a cashier, a manager}. A refused call is
 * refused by the dispatcher before its input is even read, with
 * UNAUTHENTICATED (no live session) or FORBIDDEN (a cashier at a manager's
 * method), and changes nothing: the row count of every table is the same after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managerOnly } from '../../electron/core/access';
import type { Caller } from '../../electron/core/context';
import { contract, type MethodName } from '../../shared/contract';
import { makeTestCore, type TestCore } from '../helpers/core';

type Who = 'nobody' | 'expired' | 'cashier' | 'manager';
const WHO: Who[] = ['nobody', 'expired', 'cashier', 'manager'];

/** What the contract's access says for this caller on a store that is set up and has staff. */
function expected(method: MethodName, who: Who): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  const access = contract[method].access;
  if (access === 'anyone') return 'allowed';
  if (who === 'nobody' || who === 'expired') return 'UNAUTHENTICATED';
  if (access === 'staff') return 'allowed';
  return who === 'manager' ? 'allowed' : 'FORBIDDEN'; // manager, and setup once the store is set up
}

function rowCounts(t: TestCore): Record<string, number> {
  const db = t.core.db!;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return Object.fromEntries(tables.map((name) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

let t: TestCore;
const sessions = {} as Record<Who, Caller>;
const pins = { manager: '1234', cashier: '2222' };
let ids: { manager: number; cashier: number };

function signIn(role: 'manager' | 'cashier'): Caller {
  const reply = t.core.call('auth.signIn', { staffId: ids[role], pin: pins[role] });
  if (!reply.ok) throw new Error(reply.error.message);
  return { sessionId: (reply.value as { sessionId: string }).sessionId };
}

beforeAll(() => {
  t = makeTestCore();
  t.nobody.ok('setup.complete', { mode: 'empty', storeName: 'Toko Matriks' });
  ids = { manager: t.manager(pins.manager).staffId, cashier: t.cashier(pins.cashier).staffId };
  // A session left alone past the idle time (10 minutes by default) has ended.
  sessions.expired = signIn('cashier');
  t.clock.advance(10 * 60_000 + 1);
  sessions.nobody = {};
  sessions.cashier = signIn('cashier');
  sessions.manager = signIn('manager');
});
afterAll(() => t.close());

describe('the access matrix, from the contract', () => {
  const methods = Object.keys(contract).sort() as MethodName[];
  for (const method of methods) {
    it(`${method} (${contract[method].access})`, async () => {
      for (const who of WHO) {
        const want = expected(method, who);
        const before = rowCounts(t);
        const reply = await t.core.callAsync(method, {}, sessions[who]);
        if (want === 'allowed') {
          // Let through: the answer is the method's own (a value, or its own check of the input), never the access refusal.
          if (!reply.ok) {
            expect(reply.error.code, `${method} as ${who}: ${reply.error.message}`).not.toBe('UNAUTHENTICATED');
            expect(reply.error.message, `${method} as ${who}`).not.toBe(managerOnly(method).id);
          }
          // A sign-out (or a sign-in replacing the session) ends it: sign in again for the next methods.
          if (who === 'cashier' || who === 'manager') {
            const still = t.core.call('auth.current', {}, sessions[who]);
            if (!still.ok || still.value === null) sessions[who] = signIn(who);
          }
        } else {
          expect(reply, `${method} as ${who}`).toMatchObject({ ok: false, error: { code: want } });
          if (want === 'FORBIDDEN') expect(!reply.ok && reply.error.message).toBe(managerOnly(method).id);
          expect(rowCounts(t), `${method} as ${who} changed nothing`).toEqual(before);
        }
      }
    });
  }

  it('covers every method of the contract with all four callers', () => {
    expect(Object.keys(contract).length).toBeGreaterThan(80);
    const accesses = new Set(Object.values(contract).map((m) => m.access));
    expect([...accesses].sort()).toEqual(['anyone', 'manager', 'setup', 'staff']);
  });
});
