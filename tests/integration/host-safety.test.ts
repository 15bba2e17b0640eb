/** Issue 12: one process per data folder, and slow clients cannot hold the browser-mode host. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { lockDataFolder, FolderLockedError, LOCK_FILE_NAME } from '../../electron/core/db/folderLock';
import { startHost } from '../../electron/host';
import { tempDir } from '../helpers/core';

// The full checks run on a worker thread; on a loaded machine they take longer than vitest's default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = path.resolve(__dirname, '../..');

describe('the data folder lock', () => {
  it('a second host on the same folder is refused, naming the process that holds it; it can start once the first stops', async () => {
    const dataDir = tempDir('ukm-mart-lock-');
    const first = await startHost({ dataDir, port: 0, rendererDir: tempDir() });
    await expect(startHost({ dataDir, port: 0, rendererDir: tempDir() })).rejects.toThrow(new RegExp(`in use by another UKM Mart \\(process ${process.pid}`));
    await first.close();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
    const second = await startHost({ dataDir, port: 0, rendererDir: tempDir() });
    expect(second.core.status().state).toBe('ready');
    await second.close();
  });

  it('a second `npm run serve` process says who holds the folder and exits', async () => {
    const dataDir = tempDir('ukm-mart-lock-');
    const holder = lockDataFolder(dataDir, 'browser');
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/host.ts')], {
        cwd: ROOT,
        env: { ...process.env, UKM_MART_DATA_DIR: dataDir, UKM_MART_PORT: '0' },
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(err).toMatch(new RegExp(`sedang dipakai oleh UKM Mart lain \\(proses ${process.pid}`));
      expect(err).toMatch(/Close that one first/);
    } finally {
      holder.release();
    }
  }, 60_000);

  it('a lock left by a killed process is taken over', () => {
    const dataDir = tempDir('ukm-mart-lock-');
    // A pid that is not running: the highest possible, well above any live one in a test container.
    fs.writeFileSync(path.join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: 4_194_000, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', shell: 'browser' }));
    const lock = lockDataFolder(dataDir, 'browser');
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    expect(() => lockDataFolder(dataDir, 'electron')).toThrow(FolderLockedError);
    lock.release();
  });
});

/** Opens a socket and dribbles a byte now and then; resolves with how long the host kept it open. */
function dribble(port: number, what: 'headers' | 'body', giveUpMs: number): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let timer: NodeJS.Timeout;
    const finish = () => {
      clearInterval(timer);
      socket.destroy();
      resolve(Date.now() - started);
    };
    socket.on('connect', () => {
      socket.write(
        what === 'headers'
          ? `POST /api/rpc HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`
          : `POST /api/rpc HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
      );
      timer = setInterval(() => socket.write(what === 'headers' ? 'X-A: b\r\n' : ' '), 100);
    });
    socket.on('close', finish);
    socket.on('error', finish);
    setTimeout(finish, giveUpMs);
  });
}

describe('slow clients', () => {
  it('sockets dribbling headers or a body are closed at the time limits; the host still answers', async () => {
    const host = await startHost({
      dataDir: tempDir(),
      port: 0,
      rendererDir: tempDir(),
      limits: { headersMs: 1000, requestMs: 2000, checkEveryMs: 200 },
    });
    try {
      const heads = Array.from({ length: 20 }, () => dribble(host.port, 'headers', 10_000));
      const bodies = Array.from({ length: 20 }, () => dribble(host.port, 'body', 10_000));
      const headTimes = await Promise.all(heads);
      const bodyTimes = await Promise.all(bodies);
      for (const ms of headTimes) expect(ms).toBeLessThan(4000);
      for (const ms of bodyTimes) expect(ms).toBeLessThan(5000);
      const res = await fetch(`${host.url}/api/rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
        body: JSON.stringify({ method: 'system.status', input: {} }),
      });
      expect(res.status).toBe(200);
    } finally {
      await host.close();
    }
  }, 30_000);

  it('caps the number of connections', async () => {
    const host = await startHost({ dataDir: tempDir(), port: 0, rendererDir: tempDir(), limits: { maxConnections: 5, headersMs: 60_000, requestMs: 60_000 } });
    const sockets: net.Socket[] = [];
    try {
      const closed: boolean[] = [];
      for (let i = 0; i < 12; i++) {
        const s = net.connect(host.port, '127.0.0.1');
        const index = i;
        closed[index] = false;
        s.on('close', () => (closed[index] = true));
        s.on('error', () => undefined);
        sockets.push(s);
        await new Promise((r) => s.once('connect', r));
        s.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
      }
      await new Promise((r) => setTimeout(r, 500));
      expect(closed.filter(Boolean).length).toBeGreaterThanOrEqual(7);
      expect(closed.slice(0, 5).every((c) => !c)).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
      await host.close();
    }
  });
});
