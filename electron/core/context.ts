import type { Resolved } from './staff/sessions';
import type Database from 'better-sqlite3';
import type { CoreEventName, CoreEvents } from '../../shared/contract';
import type { StaffMember } from '../../shared/contract/till';
import type { Lang } from '../../shared/i18nText';
import type { JobReporter } from './runtime/jobs';

/**
 * Who is calling, as the shell hands it to the core: only serialisable data
 * (the store runtime may sit in a worker thread). The session id comes from
 * `auth.signIn`; the bridge and the HTTP client attach it to every call.
 */
export interface Caller {
  sessionId?: string;
  /**
   * Set only by the store runtime, never from a client: the session as the
   * runtime (which holds the sessions) resolved it, on every call it sends to
   * one of its threads.
   */
  resolved?: Resolved;
  /**
   * Set only by a shell's streamed export (never from a client): where
   * `export.stream` writes its CSV, chunk by chunk. It may block until the
   * reader has taken the chunks before (flow control) and throws when the
   * download was stopped.
   */
  csvSink?: (chunk: string) => void;
}

/** The caller's own session, for the handlers that open or end it (auth.signIn, auth.signOut). */
export interface SessionControl {
  /** Opens a session for this staff member and returns its id. */
  open(staffId: number): string;
  /** Ends the caller's session, if any. */
  end(): void;
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
  /**
   * The signed-in staff member making this call (from the session, never from
   * the input), or null where the method needs no session (first run, sign-in).
   */
  readonly actor: StaffMember | null;
  readonly session: SessionControl;
  /**
   * Work that must reach the disk even when this call is refused and its
   * transaction rolled back (a failed PIN attempt): run after the call, in its own transaction.
   */
  durable(work: (db: Database.Database) => void): void;
  /** The caller's CSV sink (Caller.csvSink), for `export.stream` only. */
  readonly csvSink?: (chunk: string) => void;
}

export const nowIso = (ctx: Pick<CoreContext, 'now'>) => ctx.now().toISOString();
