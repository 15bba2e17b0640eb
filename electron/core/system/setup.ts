import type { SetupResult } from '../../../shared/contract/system';
import { storeControl } from '../backup/control';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { audit } from '../audit';
import { conflict } from '../errors';
import { readFlag, writeFlag, writeSettings } from '../settings';
import { seedDemoStore } from '../demo/seed';

/**
 * The first-run choice: the demo store (the KTM Telang producers with a few
 * weeks of deliveries) or an empty one. Runs once, in the call's transaction,
 * so a failed seed leaves the store still waiting for its first run.
 */
export function completeSetup(
  ctx: CoreContext,
  input: { mode: 'demo' | 'empty'; storeName: string },
): SetupResult {
  if (readFlag(ctx.db, 'setupDone') === true) {
    conflict('Toko ini sudah disiapkan; pilihan awal hanya sekali.', 'This store has already been set up; the first-run choice is made once.');
  }
  writeSettings(ctx.db, { storeName: input.storeName });
  if (input.mode === 'demo') seedDemoStore(ctx);
  writeFlag(ctx.db, 'setupDone', true);
  writeFlag(ctx.db, 'setupMode', input.mode);
  audit(ctx.db, { at: nowIso(ctx), actorId: null, action: 'setup.complete', subjectType: 'store', after: { mode: input.mode, storeName: input.storeName } });
  return { mode: input.mode, status: storeControl(ctx).status() };
}
