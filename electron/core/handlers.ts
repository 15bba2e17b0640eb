import type { Handlers } from './handlerTypes';
import { systemHandlers } from './system/handlers';
import { catalogueHandlers } from './catalogue/handlers';
import { stockHandlers } from './stock/handlers';
import { tillHandlers } from './till/handlers';
import { settlementHandlers } from './settlement/handlers';
import { trustHandlers } from './trust/handlers';
import { labelHandlers } from './labels/handlers';
import { insightHandlers } from './insight/handlers';
import { exportHandlers } from './exports/handlers';

type AreaMap = Record<string, unknown>;

function disjoint(...maps: AreaMap[]): void {
  const seen = new Set<string>();
  for (const map of maps) {
    for (const name of Object.keys(map)) {
      if (seen.has(name)) throw new Error(`handler registered twice: ${name}`);
      seen.add(name);
    }
  }
}

/**
 * The one handler table. Typed as `Handlers` minus what the core answers
 * itself, so a contract method with no handler fails to compile.
 */
export function buildHandlers(coreOwn: Pick<Handlers, 'system.status' | 'jobs.cancel' | 'system.acknowledgeChecks'>): Handlers {
  disjoint(systemHandlers, catalogueHandlers, stockHandlers, tillHandlers, settlementHandlers, trustHandlers, labelHandlers, insightHandlers, exportHandlers, coreOwn);
  return {
    ...coreOwn,
    ...systemHandlers,
    ...catalogueHandlers,
    ...stockHandlers,
    ...tillHandlers,
    ...settlementHandlers,
    ...trustHandlers,
    ...labelHandlers,
    ...insightHandlers,
    ...exportHandlers,
  };
}
