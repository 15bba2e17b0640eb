import type Database from 'better-sqlite3';
import type { CoreEventName, CoreEvents } from '../../shared/contract';
import type { Lang } from '../../shared/i18nText';

/** What every handler gets besides its validated input. */
export interface CoreContext {
  readonly db: Database.Database;
  /** The clock. Tests and the benchmark replace it; handlers never call `new Date()` themselves. */
  now(): Date;
  lang(): Lang;
  timeZone(): string;
  readonly dataDir: string;
  readonly shell: 'electron' | 'browser';
  emit<E extends CoreEventName>(event: E, payload: CoreEvents[E]): void;
}

export const nowIso = (ctx: Pick<CoreContext, 'now'>) => ctx.now().toISOString();
