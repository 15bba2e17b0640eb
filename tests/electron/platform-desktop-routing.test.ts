/** The desktop entry's routing as plain functions (electron/desktopRouting.ts), and the IPC handler in front of the store runtime. */
import { afterEach, describe, expect, it } from 'vitest';
import { closeStore, desktopDataDir, forwardStoreEvents } from '../../electron/desktopRouting';
import { APP_ENTRY_URL, createIpcHandler, FORWARDED_EVENTS } from '../../electron/shellConfig';
import { createShellRouter } from '../../electron/printing';
import { StoreRuntime } from '../../electron/core/runtime/storeRuntime';
import type { CoreEventName } from '../../shared/contract';
import { tempDir } from '../helpers/core';

const runtimes: StoreRuntime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
});

describe('desktop routing', () => {
  it('keeps the data folder of UKM_MART_DATA_DIR, else the user-data folder', () => {
    expect(desktopDataDir({ UKM_MART_DATA_DIR: '/tmp/toko' }, '/home/kasir/.config/UKM Mart')).toBe('/tmp/toko');
    expect(desktopDataDir({}, '/home/kasir/.config/UKM Mart')).toBe('/home/kasir/.config/UKM Mart');
  });

  it('forwards every store event to a live window and none to a closed one', () => {
    const listeners = new Map<string, (p: unknown) => void>();
    const store = { on: (e: CoreEventName, l: (p: never) => void) => (listeners.set(e, l as (p: unknown) => void), () => listeners.delete(e)) };
    const sent: [string, unknown][] = [];
    let destroyed = false;
    const stop = forwardStoreEvents(store, { isDestroyed: () => destroyed, send: (n, p) => sent.push([n, p]) });
    expect([...listeners.keys()].sort()).toEqual([...FORWARDED_EVENTS].sort());
    expect(FORWARDED_EVENTS).toContain('job.progress');
    listeners.get('job.progress')!({ jobId: '0.1', done: 1, total: 2 });
    destroyed = true;
    listeners.get('data.changed')!({ area: 'all' });
    expect(sent).toEqual([['job.progress', { jobId: '0.1', done: 1, total: 2 }]]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('on quit: stops the timer, backs up, then closes the store, even when the backup fails', async () => {
    const steps: string[] = [];
    await closeStore(
      { dataDir: tempDir(), dbFile: '/nonexistent/ukm-mart.sqlite', automaticBackup: async (kind) => (steps.push(`backup ${kind}`), null), close: async () => void steps.push('close') },
      () => void steps.push('stop timer'),
    );
    expect(steps).toEqual(['stop timer', 'backup close', 'close']);
    steps.length = 0;
    await expect(
      closeStore(
        { dataDir: tempDir(), dbFile: '/nonexistent/ukm-mart.sqlite', automaticBackup: async () => Promise.reject(new Error('disk full')), close: () => void steps.push('close') },
        () => undefined,
      ),
    ).rejects.toThrow('disk full');
    expect(steps).toEqual(['close']);
  });

  it('the one IPC handler answers through the store runtime, the same as browser mode', async () => {
    const runtime = await StoreRuntime.start({ dataDir: tempDir() });
    runtimes.push(runtime);
    const handle = createIpcHandler(runtime, () => undefined, createShellRouter(runtime));
    const app = { senderFrame: { url: APP_ENTRY_URL, parent: null }, sender: {} };
    expect(await handle(app, 'system.status', {})).toMatchObject({ ok: true, value: { state: 'ready', needsSetup: true } });
    expect(await handle(app, 'setup.complete', { mode: 'empty', storeName: 'Toko Jendela' })).toMatchObject({ ok: true });
    expect(await handle(app, 'settings.get', {})).toMatchObject({ ok: true, value: { storeName: 'Toko Jendela' } });
    expect(await handle({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
