import type { AreaHandlers } from '../handlerTypes';
import { syncDailySalesClock } from '../reports/dailySales';
import { SENSITIVE_SETTINGS, type systemMethods } from '../../../shared/contract/system';
import { fail } from '../errors';
import { requireManager } from '../staff/approval';
import { readSettings, writeSettings } from '../settings';
import { audit } from '../audit';
import { nowIso } from '../context';
import { backupHandlers } from '../backup/handlers';
import { completeSetup } from './setup';
import { shellOnlyHandlers } from './shell';

/** Handlers of the system area. `system.status` and `system.acknowledgeChecks` are answered by the core itself. */
export const systemHandlers: Omit<AreaHandlers<keyof typeof systemMethods>, 'system.status' | 'system.acknowledgeChecks'> = {
  'settings.get': (_input, ctx) => readSettings(ctx.db),
  'settings.update': ({ approval, ...patch }, ctx) => {
    const before = readSettings(ctx.db);
    const sensitive = SENSITIVE_SETTINGS.filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
    let actorId: number | null = null;
    if (sensitive.length > 0) {
      if (!approval) {
        fail(
          'FORBIDDEN',
          `Mengubah ${sensitive.join(', ')} memerlukan PIN pengelola.`,
          `Changing ${sensitive.join(', ')} needs a manager PIN.`,
          'approval',
        );
      }
      actorId = requireManager(ctx, approval!).id;
    }
    writeSettings(ctx.db, patch as Partial<typeof before>);
    const after = readSettings(ctx.db);
    // The kept daily sales are keyed by local day: a new zone re-keys them.
    if (after.timeZone !== before.timeZone) syncDailySalesClock(ctx.db, after.timeZone);
    // The language switch is a personal preference, not a store decision: not audited.
    const changed = Object.keys(patch).filter((k) => k !== 'language');
    if (changed.length > 0) {
      audit(ctx.db, { at: nowIso(ctx), actorId, action: 'settings.update', subjectType: 'settings', before, after });
    }
    return after;
  },
  'setup.complete': (input, ctx) => completeSetup(ctx, input),
  ...backupHandlers,
  ...shellOnlyHandlers,
};
