import type Database from 'better-sqlite3';
import type { StoreStatus } from '../../../shared/contract/system';
import type { CoreContext } from '../context';

/**
 * What the backup handlers may do to the store beyond one call's database
 * handle: close it and open it again around a restore. The core attaches it
 * to every handler context under a symbol, so CoreContext stays small.
 */
export interface StoreControl {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly backupsDir: string;
  readonly nativeBinding?: string;
  /** The open database, or null while the store is refused. */
  db(): Database.Database | null;
  status(): StoreStatus;
  /** Closes the database (the WAL is checkpointed into the file). */
  closeDatabase(): void;
  /** Opens the store again, with the start-up checks and migrations; returns the new status. */
  reopen(): StoreStatus;
}

export const STORE_CONTROL = Symbol('ukm-mart.storeControl');

export type ControlledContext = CoreContext & { readonly [STORE_CONTROL]?: StoreControl };

export function storeControl(ctx: CoreContext): StoreControl {
  const control = (ctx as ControlledContext)[STORE_CONTROL];
  if (!control) throw new Error('store control missing from the handler context');
  return control;
}
