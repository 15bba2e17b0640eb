import type { AreaHandlers } from '../handlerTypes';
import type { systemMethods } from '../../../shared/contract/system';
import { readSettings, writeSettings } from '../settings';
import { audit } from '../audit';
import { nowIso } from '../context';
import { backupHandlers } from '../backup/handlers';
import { completeSetup } from './setup';
import { shellOnlyHandlers } from './shell';

/** Handlers of the system area. `system.status` is answered by the core itself. */
export const systemHandlers: Omit<AreaHandlers<keyof typeof systemMethods>, 'system.status'> = {
  'settings.get': (_input, ctx) => readSettings(ctx.db),
  'settings.update': (input, ctx) => {
    const before = readSettings(ctx.db);
    writeSettings(ctx.db, input as Partial<typeof before>);
    const after = readSettings(ctx.db);
    // The language switch is a personal preference, not a store decision: not audited.
    const changed = Object.keys(input).filter((k) => k !== 'language');
    if (changed.length > 0) {
      audit(ctx.db, { at: nowIso(ctx), actorId: null, action: 'settings.update', subjectType: 'settings', before, after });
    }
    return after;
  },
  'setup.complete': (input, ctx) => completeSetup(ctx, input),
  ...backupHandlers,
  ...shellOnlyHandlers,
};
