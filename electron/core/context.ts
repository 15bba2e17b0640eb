import type Database from 'better-sqlite3';
import type { CoreEventName, CoreEvents } from '../../shared/contract';
import type { Lang } from '../../shared/i18nText';
import type { JobReporter } from './runtime/jobs';

/** Who is calling: filled in by the signed-in sessions (the runtime forwards it unchanged). */
export interface Caller {
  sessionId?: string;
}

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
  /** Long work reports progress here (and stops here when cancelled); a no-op for other calls. */
  readonly job: JobReporter;
}

export const nowIso = (ctx: Pick<CoreContext, 'now'>) => ctx.now().toISOString();
