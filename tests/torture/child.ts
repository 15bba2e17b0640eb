/**
 * The process `npm run torture` kills. Prints `ready`, then one line per
 * acknowledged act, each only after the core answered it:
 *   sales    <dataDir> <shiftId> <productIds>     a receipt number per sale
 *   finalize <dataDir> <now> <staffId> <pin> <periodEnds,comma>   a period end per finalised week
 *   backup   <dataDir>                            a backup file per backup
 *   restore  <dataDir> <backupFile> <staffId> <pin>   `restored` per restore
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createCore, type Core } from '../../electron/core/app';
import type { Caller } from '../../electron/core/context';

/** Every call carries a session (SPEC §5): the child signs in as the staff member who would do the act. */
function signIn(core: Core, staffId: number, pin: string): Caller {
  const reply = core.call('auth.signIn', { staffId, pin });
  if (!reply.ok) return fail(reply.error);
  return { sessionId: (reply.value as { sessionId: string }).sessionId };
}
const firstManager = (core: Core) =>
  (core.db!.prepare("SELECT id FROM staff WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1").get() as { id: number }).id;

const [mode, dataDir, a, b, c, d] = process.argv.slice(2);
const say = (line: string) => fs.writeSync(1, `${line}\n`);
const fail = (why: unknown): never => {
  fs.writeSync(2, `${mode}: ${JSON.stringify(why)}\n`);
  process.exit(1);
};

async function main() {
  const fixedNow = mode === 'finalize' ? new Date(a!) : null;
  const core = createCore({ dataDir: dataDir!, shell: 'browser', backgroundChecksAfterMs: null, ...(fixedNow ? { now: () => fixedNow } : {}) });
  if (core.status().state !== 'ready') fail(core.status().reason);
  say('ready');
  if (mode === 'sales') {
    const productIds = b!.split(',').map(Number);
    // The shift's own cashier rings the sales up (the test fixtures' cashier PIN unless told).
    const owner = (core.db!.prepare('SELECT cashier_id FROM shifts WHERE id = ?').get(Number(a)) as { cashier_id: number }).cashier_id;
    const till = signIn(core, owner, process.env.UKM_TORTURE_CASHIER_PIN ?? '2222');
    for (let i = 0; ; i++) {
      const lines = productIds.map((productId, k) => ({ productId, quantity: 1 + ((i + k) % 3) }));
      const reply = core.call('sales.create', { id: randomUUID(), shiftId: Number(a), lines, payment: { method: 'cash', tendered: 1_000_000 } }, till);
      if (!reply.ok) return fail(reply.error);
      say(String((reply.value as { receiptNo: number }).receiptNo));
    }
  } else if (mode === 'finalize') {
    const approval = { staffId: Number(b), pin: c! };
    const manager = signIn(core, approval.staffId, approval.pin);
    for (const periodEnd of d!.split(',')) {
      const reply = core.call('settlements.finalize', { periodEnd, approval }, manager);
      if (!reply.ok) {
        if (/sudah difinalkan|already been finalised/i.test(reply.error.message)) continue;
        fail(reply.error);
      }
      say(periodEnd);
    }
    // Every week finalised: the app closes as it does on quit (the shutdown marker says so).
    core.close();
    say('done');
  } else if (mode === 'backup') {
    const manager = signIn(core, firstManager(core), process.env.UKM_TORTURE_MANAGER_PIN ?? '1234');
    for (;;) {
      const reply = await core.callAsync('backup.create', {}, manager);
      if (!reply.ok) return fail(reply.error);
      say((reply.value as { file: string }).file);
    }
  } else if (mode === 'restore') {
    for (;;) {
      // A restore ends every session (the staff table is replaced): sign in again each time.
      const manager = signIn(core, Number(b), c!);
      const reply = await core.callAsync('backup.restore', { file: a!, approval: { staffId: Number(b), pin: c! } }, manager);
      if (!reply.ok) return fail(reply.error);
      say('restored');
    }
  }
}
main().catch(fail);
