/** Issue 11, item 6: the database and its backups are readable by their owner only (0600 on POSIX). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../helpers/core';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe.runIf(process.platform !== 'win32')('owner-only files', () => {
  it('writes the database, its WAL and every backup 0600, whatever the umask', async () => {
    const old = process.umask(0o022);
    try {
      const t = makeTestCore();
      t.ok('settings.update', { storeName: 'Toko Rahasia' });
      expect(mode(t.core.dbFile)).toBe(0o600);
      if (fs.existsSync(`${t.core.dbFile}-wal`)) expect(mode(`${t.core.dbFile}-wal`)).toBe(0o600);
      const usb = path.join(t.dataDir, 'usb');
      const reply = await t.callAsync('backup.create', { folder: usb });
      expect(reply.ok).toBe(true);
      const file = (reply as { value: { file: string } }).value.file;
      expect(mode(file)).toBe(0o600);
      const daily = await t.callAsync('backup.create', {});
      expect(mode((daily as { value: { file: string } }).value.file)).toBe(0o600);
      t.close();
    } finally {
      process.umask(old);
    }
  });
});
