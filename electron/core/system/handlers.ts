import type { AreaHandlers } from '../handlerTypes';
import type { systemMethods } from '../../../shared/contract/system';
import { readSettings, writeSettings } from '../settings';
import { audit } from '../audit';
import { nowIso } from '../context';

/** Handlers of the system area that need only the open database. `system.status` is answered by the core itself. */
export const systemHandlers: Omit<AreaHandlers<keyof typeof systemMethods>, 'system.status'> = {
  'settings.get': (_input, ctx) => readSettings(ctx.db),
  'settings.update': (input, ctx) => {
    const before = readSettings(ctx.db);
    writeSettings(ctx.db, input as Partial<typeof before>);
    const after = readSettings(ctx.db);
    const changed = Object.keys(input).filter((k) => k !== 'language');
    if (changed.length > 0) {
      audit(ctx.db, { at: nowIso(ctx), actorId: null, action: 'settings.update', subjectType: 'settings', before, after });
    }
    return after;
  },
};
