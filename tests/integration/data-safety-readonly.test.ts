/**
 * A read-only data folder (issue 12): its own code and words, in system.status,
 * and the store opens by itself once the folder is writable again. Needs a
 * real read-only mount (a tmpfs remounted read-only), so it runs as root and
 * otherwise skips, saying why.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core/app';
import { makeTestCore, tempDir } from '../helpers/core';

// The full checks run on a worker thread; on a loaded machine they take longer than vitest's default 5 s.
vi.setConfig({ testTimeout: 60_000 });

function tryMount(dir: string): string | null {
  if (process.getuid?.() !== 0) return 'not root: cannot mount a read-only folder';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `mount refused (${(err as Error).message.split('\n')[0]})`;
  }
}

const mountPoint = tempDir('ukm-mart-ro-');
const why = tryMount(mountPoint);
if (why) console.warn(`[skip] read-only folder tests: ${why}`);
const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, mountPoint]);

describe.skipIf(why !== null)('a read-only data folder', () => {
  beforeAll(() => undefined);
  afterAll(() => {
    try {
      remount('rw');
      execFileSync('umount', [mountPoint]);
    } catch {
      // already unmounted
    }
  });

  it('after a crash: refused with READ_ONLY words (not "restore a backup"), and opens by itself once writable', () => {
    const live = path.join(mountPoint, 'data-live');
    const dataDir = path.join(mountPoint, 'data-crash');
    const t = makeTestCore({ dataDir: live });
    t.ok('settings.update', { storeName: 'Toko Ro' });
    // A crash: the files as a killed process leaves them (database, WAL with the last write, marker 'open'),
    // copied while the store is still open; a mount with open files cannot become read-only.
    fs.mkdirSync(dataDir);
    for (const f of fs.readdirSync(live)) if (fs.statSync(path.join(live, f)).isFile()) fs.copyFileSync(path.join(live, f), path.join(dataDir, f));
    t.close();
    fs.rmSync(live, { recursive: true });
    expect(fs.existsSync(path.join(dataDir, 'ukm-mart.sqlite-wal'))).toBe(true);
    remount('ro');
    const core = createCore({ dataDir, backgroundChecksAfterMs: null });
    const status = core.status();
    expect(status.state).toBe('refused');
    expect(status.health).toMatchObject({ readOnly: true });
    expect(status.reasonText!.id).toMatch(/^Folder data hanya-baca/);
    expect(status.reasonText!.en).not.toMatch(/restore a backup/);
    const reply = core.call('settings.update', { storeName: 'X' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: expect.stringMatching(/^Folder data hanya-baca/) } });
    remount('rw');
    expect(core.status()).toMatchObject({ state: 'ready', health: { readOnly: false } });
    expect(core.call('settings.get', {})).toMatchObject({ ok: true, value: { storeName: 'Toko Ro' } });
    core.close();
  });

  it('a clean read-only folder is reported as read-only too', () => {
    const dataDir = path.join(mountPoint, 'data-clean');
    const t = makeTestCore({ dataDir });
    t.close();
    remount('ro');
    const core = createCore({ dataDir, backgroundChecksAfterMs: null });
    expect(core.status()).toMatchObject({ state: 'refused', health: { readOnly: true } });
    expect(core.status().reason).toMatch(/read-only/);
    core.close();
    remount('rw');
    expect(fs.existsSync(path.join(dataDir, 'ukm-mart.sqlite'))).toBe(true);
  });
});
