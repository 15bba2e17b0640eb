import type { CoreEventName, CoreEvents, Envelope } from '../../../shared/contract';
import type { StoreStatus } from '../../../shared/contract/system';
import type { Core } from '../app';
import { automaticBackup, type BackupTaker } from '../backup/schedule';
import type { Caller } from '../context';

/** Where a streamed export goes in a shell: an HTTP response, a file. */
export interface CsvSink {
  /** Writes one chunk; resolves when the chunk is out (or the reader has gone). */
  write(chunk: string): Promise<void>;
  /** The reader has gone (the download was cancelled): the export stops. */
  stopped(): boolean;
  /** Called once if the reader goes away while the export runs. */
  onStop(listener: () => void): void;
}

/**
 * What a shell needs of the store: the store runtime in both shells, or an
 * in-process core where a test hands one in. Calls never reject.
 */
export interface StoreEndpoint extends BackupTaker {
  callAsync(method: string, input: unknown, caller?: Caller): Promise<Envelope<unknown>>;
  /** Runs `export.stream` for `caller` into `sink`, chunk by chunk; answers its reply (the file written, or why not). */
  streamCsv(input: unknown, caller: Caller, sink: CsvSink): Promise<Envelope<unknown>>;
  on<E extends CoreEventName>(event: E, listener: (payload: CoreEvents[E]) => void): () => void;
  status(): StoreStatus;
  close(): void | Promise<void>;
}

/** An in-process core as a store endpoint (tests that hand the host or the window a core of their own). */
export function inProcessEndpoint(core: Core): StoreEndpoint {
  return {
    dataDir: core.dataDir,
    dbFile: core.dbFile,
    callAsync: (method, input, caller) => core.callAsync(method, input, caller),
    // In process the export runs on this thread: its chunks queue behind the sink's writes (tests, small stores).
    async streamCsv(input, caller, sink) {
      let written = Promise.resolve();
      const csvSink = (chunk: string) => {
        if (sink.stopped()) throw new Error('The download was stopped before it finished.');
        written = written.then(() => sink.write(chunk));
      };
      const reply = await core.callAsync('export.stream', input, { ...(caller.sessionId ? { sessionId: caller.sessionId } : {}), csvSink });
      await written;
      return reply;
    },
    on: (event, listener) => core.on(event, listener),
    status: () => core.status(),
    close: () => core.close(),
    automaticBackup: (kind) => automaticBackup(core, kind),
  };
}
