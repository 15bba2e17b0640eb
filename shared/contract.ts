/**
 * The contract: every method the UI (or an automation client) may call, with
 * its zod input schema and its output type. It is the single source of truth
 * for names and shapes; the core's handler table is typed from it, so a method
 * without a handler is a compile error.
 */
import type { z } from 'zod';
import type { MethodDef } from './contract/define';
import { systemMethods } from './contract/system';
import { catalogueMethods } from './contract/catalogue';
import { stockMethods } from './contract/stock';
import { tillMethods } from './contract/till';
import { ledgerMethods } from './contract/ledger';
import { trustMethods } from './contract/trust';
import { jobMethods, type JobFinished, type JobProgress } from './contract/jobs';
import { labelMethods } from './contract/labels';
import { insightMethods } from './contract/insight';
import { exportMethods } from './contract/exports';

export * from './contract/define';

/** Merges the areas' method maps and refuses a name declared twice. */
function mergeAreas<T extends Record<string, MethodDef<z.ZodType, unknown>>[]>(...areas: T) {
  const merged: Record<string, MethodDef<z.ZodType, unknown>> = {};
  for (const area of areas) {
    for (const [name, def] of Object.entries(area)) {
      if (name in merged) throw new Error(`Contract method declared twice: ${name}`);
      if (!/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(name)) throw new Error(`Contract method name must be <area>.<verb>: ${name}`);
      merged[name] = def;
    }
  }
  return merged;
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- only its type is used: the spread types the merged method map
const areas = {
  ...systemMethods,
  ...catalogueMethods,
  ...stockMethods,
  ...tillMethods,
  ...ledgerMethods,
  ...trustMethods,
  ...jobMethods,
  ...labelMethods,
  ...insightMethods,
  ...exportMethods,
};

export type Contract = typeof areas;
export type MethodName = keyof Contract & string;

export const contract = mergeAreas(
  systemMethods,
  catalogueMethods,
  stockMethods,
  tillMethods,
  ledgerMethods,
  trustMethods,
  jobMethods,
  labelMethods,
  insightMethods,
  exportMethods,
) as unknown as Contract;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

type DefOf<M extends MethodName> = Contract[M];
/** What a caller sends (defaults may be omitted). */
export type MethodInput<M extends MethodName> = DefOf<M> extends MethodDef<infer I, unknown> ? z.input<I> : never;
/** What a handler receives, after validation and defaults. */
export type MethodParsed<M extends MethodName> = DefOf<M> extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type MethodOutput<M extends MethodName> = DefOf<M> extends MethodDef<z.ZodType, infer O> ? O : never;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the core pushes to the UI (`on(event, cb)` in the bridge). */
export interface CoreEvents {
  'backup.completed': { file: string; kind: 'daily' | 'weekly' | 'manual' | 'close' };
  'data.changed': { area: string };
  /** Long work's progress (electron/core/runtime/jobs.ts); the first one of a job has phase `start`. */
  'job.progress': JobProgress;
  'job.finished': JobFinished;
  /** The store runtime stopped unexpectedly and was started again; calls in flight were answered UNAVAILABLE, none retried. */
  'store.restarted': { reason: string };
}
export type CoreEventName = keyof CoreEvents;
