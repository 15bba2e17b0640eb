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
import { createCore } from '../../electron/core/app';

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
    for (let i = 0; ; i++) {
      const lines = productIds.map((productId, k) => ({ productId, quantity: 1 + ((i + k) % 3) }));
      const reply = core.call('sales.create', { id: randomUUID(), shiftId: Number(a), lines, payment: { method: 'cash', tendered: 1_000_000 } });
      if (!reply.ok) return fail(reply.error);
      say(String((reply.value as { receiptNo: number }).receiptNo));
    }
  } else if (mode === 'finalize') {
    const approval = { staffId: Number(b), pin: c! };
    for (const periodEnd of d!.split(',')) {
      const reply = core.call('settlements.finalize', { periodEnd, approval });
      if (!reply.ok) {
        if (/sudah difinalkan|already been finalised/i.test(reply.error.message)) continue;
        fail(reply.error);
      }
      say(periodEnd);
    }
    say('done');
  } else if (mode === 'backup') {
    for (;;) {
      const reply = await core.callAsync('backup.create', {});
      if (!reply.ok) return fail(reply.error);
      say((reply.value as { file: string }).file);
    }
  } else if (mode === 'restore') {
    for (;;) {
      const reply = await core.callAsync('backup.restore', { file: a!, approval: { staffId: Number(b), pin: c! } });
      if (!reply.ok) return fail(reply.error);
      say('restored');
    }
  }
}
main().catch(fail);
