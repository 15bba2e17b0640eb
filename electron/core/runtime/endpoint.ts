import type { CoreEventName, CoreEvents, Envelope } from '../../../shared/contract';
import type { StoreStatus } from '../../../shared/contract/system';
import type { Core } from '../app';
import { automaticBackup, type BackupTaker } from '../backup/schedule';
import type { Caller } from '../context';

/**
 * What a shell needs of the store: the store runtime in both shells, or an
 * in-process core where a test hands one in. Calls never reject.
 */
export interface StoreEndpoint extends BackupTaker {
  callAsync(method: string, input: unknown, caller?: Caller): Promise<Envelope<unknown>>;
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
    on: (event, listener) => core.on(event, listener),
    status: () => core.status(),
    close: () => core.close(),
    automaticBackup: (kind) => automaticBackup(core, kind),
  };
}
