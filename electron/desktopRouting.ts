import { backupOnClose } from './core/backup/schedule';
/**
 * What the desktop entry (main.ts) does besides calling Electron, as plain
 * functions tested without the Electron binary: where the data lives, which
 * store events reach the window, and the order of things when the app quits.
 */
import path from 'node:path';
import type { CoreEventName } from '../shared/contract';
import type { StoreEndpoint } from './core/runtime/endpoint';
import { FORWARDED_EVENTS } from './shellConfig';

/** `UKM_MART_DATA_DIR` if set, else Electron's user-data folder. */
export function desktopDataDir(env: NodeJS.ProcessEnv, userData: string): string {
  return env.UKM_MART_DATA_DIR ? path.resolve(env.UKM_MART_DATA_DIR) : userData;
}

/** Relays the store's push events to a window while it exists; returns the unsubscribe. */
export function forwardStoreEvents(
  store: Pick<StoreEndpoint, 'on'>,
  window: { isDestroyed(): boolean; send(name: CoreEventName, payload: unknown): void },
): () => void {
  const stops = FORWARDED_EVENTS.map((name) =>
    store.on(name, (payload) => {
      if (!window.isDestroyed()) window.send(name, payload);
    }),
  );
  return () => stops.forEach((stop) => stop());
}

/**
 * Quitting: the backup timer stops, a backup on close is taken (on the
 * runtime's long-work thread), then the store closes (its threads finish the
 * calls in flight first). Never throws: the app quits either way.
 */
export async function closeStore(store: Pick<StoreEndpoint, 'automaticBackup' | 'close' | 'dataDir' | 'dbFile'>, stopSchedule: () => void): Promise<void> {
  stopSchedule();
  try {
    // Bounded: only when cheap or a daily backup is due, and never holding the exit long (backup/schedule.ts).
    await backupOnClose(store);
  } finally {
    await store.close();
  }
}
