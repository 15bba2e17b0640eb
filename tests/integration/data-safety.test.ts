/**
 * Issue 12's holes, each on real files: leftovers of killed backups and
 * restores, a full disk, low space, a deleted -wal, a database gone back in
 * receipt numbers, damage only the full checks see, compressed backups within
 * a budget.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { createCore, DB_FILE_NAME } from '../../electron/core/app';
import { backupFileName, listBackups, rotateBackups } from '../../electron/core/backup/files';
import { openStore } from '../../electron/core/db/store';
import { readMarker } from '../../electron/core/db/shutdownMarker';
import { makeTestCore, tempDir } from '../helpers/core';
import { makeTill } from './till-fixtures';

// The full checks run on a worker thread; on a loaded machine they take longer than vitest's default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const waitFor = async (what: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('leftovers of interrupted backups and restores', () => {
  it('are removed at start-up, said in the log, and never listed as backups', async () => {
    const t = makeTestCore();
    const reply = await t.callAsync('backup.create', {});
    expect(reply.ok).toBe(true);
    t.close();
    const backups = path.join(t.dataDir, 'backups');
    const name = backupFileName(new Date('2026-11-02T03:00:00.000Z'), 'manual');
    const leftovers = [
      path.join(backups, `${name.replace(/\.gz$/, '')}.partial`),
      path.join(backups, `${name.replace(/\.gz$/, '')}.partial-journal`),
      path.join(backups, `${name}.raw.partial`),
      path.join(backups, `${name}.partial`),
      path.join(t.dataDir, 'restore-candidate-20261102T030000000Z.sqlite'),
      path.join(t.dataDir, 'restore-candidate-20261102T030000000Z.sqlite-journal'),
    ];
    for (const f of leftovers) fs.writeFileSync(f, 'x'.repeat(1000));
    expect(listBackups(backups).map((b) => b.name)).not.toContain(expect.stringMatching(/partial/));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const again = makeTestCore({ dataDir: t.dataDir });
    const lines = warn.mock.calls.map((c) => String(c[0]));
    warn.mockRestore();
    for (const f of leftovers) expect(fs.existsSync(f), f).toBe(false);
    expect(lines.filter((l) => /removed .* left by an interrupted backup or restore/.test(l))).toHaveLength(leftovers.length);
    expect(again.ok('backup.list', {})).toHaveLength(1);
    again.close();
  });
});

describe('a full disk', () => {
  it('answers DISK_FULL in the shop\'s words, shows in system.status, changes nothing, and recovers by itself', () => {
    const till = makeTill();
    const { t, db } = till;
    till.sale([{ productId: till.products.egg, quantity: 1 }]);
    const before = till.count('sales');
    // SQLite's own "database or disk is full": the file may not grow past its current pages.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let refused: { code: string; message: string } | null = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const reply = t.raw('sales.create', till.saleInput([{ productId: till.products.chips, quantity: 1 }, { productId: till.products.cake, quantity: 2 }]));
      if (!reply.ok) refused = reply.error;
    }
    expect(refused).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/^Disk penuh: penjualan tidak dicatat\. Kosongkan ruang/) });
    const after = till.count('sales');
    expect(t.core.status().health).toMatchObject({ diskFull: true, readOnly: false });
    // Space returns: the next write goes through and the banner goes away.
    db.pragma('max_page_count = 1073741823');
    till.sale([{ productId: till.products.egg, quantity: 1 }]);
    expect(till.count('sales')).toBe(after + 1);
    expect(after).toBeGreaterThanOrEqual(before);
    expect(t.core.status().health?.diskFull).toBe(false);
    t.close();
  });

  it('warns of low space: below the threshold or below the next backup\'s size', () => {
    const dir = tempDir();
    const warned = createCore({ dataDir: dir, lowSpaceBytes: Number.MAX_SAFE_INTEGER, backgroundChecksAfterMs: null });
    const health = warned.status().health!;
    expect(health.freeBytes).toBeGreaterThan(0);
    expect(health.lowSpace).toEqual({ freeBytes: expect.any(Number), neededBytes: Number.MAX_SAFE_INTEGER });
    warned.close();
    const calm = createCore({ dataDir: dir, lowSpaceBytes: 0, backgroundChecksAfterMs: null });
    expect(calm.status().health!.lowSpace).toBeNull();
    expect(calm.status().health!.backups.nextBackupBytes).toBeGreaterThan(0);
    calm.close();
  });
});

describe('the shutdown marker', () => {
  it('is written open at start and closed, with the last receipt number, on a clean close', () => {
    const till = makeTill();
    till.sale([{ productId: till.products.egg, quantity: 1 }]);
    till.sale([{ productId: till.products.egg, quantity: 1 }]);
    expect(readMarker(till.t.dataDir)).toMatchObject({ state: 'open' });
    till.t.close();
    expect(readMarker(till.t.dataDir)).toMatchObject({ state: 'closed', lastReceiptNo: 2 });
  });

  it('refuses to trade after an unclean shutdown whose -wal was deleted, and changes nothing', () => {
    const till = makeTill();
    const dir = till.t.dataDir;
    for (let i = 0; i < 5; i++) till.sale([{ productId: till.products.egg, quantity: 1 }]);
    // A crash: the process dies with the WAL holding the last sales; then someone deletes the -wal.
    const file = path.join(dir, DB_FILE_NAME);
    const snapshot = fs.readFileSync(file);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    fs.writeFileSync(path.join(tempDir(), 'crashed.sqlite'), snapshot); // what the disk held
    // Simulate the kill: forget the core without closing it, and drop its journal.
    fs.rmSync(`${file}-wal`);
    fs.rmSync(`${file}-shm`, { force: true });
    const core = createCore({ dataDir: dir, backgroundChecksAfterMs: null });
    expect(core.status().state).toBe('refused');
    expect(core.status().reasonText!.en).toMatch(/not shut down cleanly and the database journal .* is missing/);
    expect(core.call('sales.create', till.saleInput([{ productId: till.products.egg, quantity: 1 }]))).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(fs.readFileSync(file).equals(snapshot)).toBe(true);
    core.close();
  });

  it('refuses a database whose last receipt number is lower than the marker\'s (an older file put back)', () => {
    const till = makeTill();
    const dir = till.t.dataDir;
    till.sale([{ productId: till.products.egg, quantity: 1 }]);
    till.t.close();
    const older = fs.readFileSync(path.join(dir, DB_FILE_NAME));
    const again = makeTestCore({ dataDir: dir });
    const shiftId = till.shiftId;
    // The shift is the cashier's own (SPEC §5): she rings the sales up.
    const cashier = again.asStaff(till.cashier.staffId, till.cashier.pin);
    for (let i = 0; i < 3; i++) {
      cashier.ok('sales.create', { id: crypto.randomUUID(), shiftId, lines: [{ productId: till.products.egg, quantity: 1 }], payment: { method: 'cash', tendered: 3000 } });
    }
    again.close();
    expect(readMarker(dir)).toMatchObject({ state: 'closed', lastReceiptNo: 4 });
    fs.writeFileSync(path.join(dir, DB_FILE_NAME), older);
    const core = createCore({ dataDir: dir, backgroundChecksAfterMs: null });
    expect(core.status().state).toBe('refused');
    expect(core.status().reasonText!.en).toMatch(/last receipt number in the database \(1\) is lower than .* \(4\)/);
    core.close();
  });

  it('after a clean close with a recent full check, start-up leaves the checks to the background; otherwise runs them first', async () => {
    const t = makeTestCore();
    await t.core.runBackgroundChecks();
    expect(t.core.status().health!.checks).toMatchObject({ state: 'passed', lastFullCheckAt: expect.any(String) });
    t.close();
    const file = path.join(t.dataDir, DB_FILE_NAME);
    const marker = readMarker(t.dataDir)!;
    expect(marker).toMatchObject({ state: 'closed', lastFullCheckAt: expect.any(String) });
    const now = new Date(marker.lastFullCheckAt!);
    const quick = openStore(file, { marker, now: new Date(now.getTime() + 86_400_000) });
    expect(quick.checks).toBe('quick');
    quick.db!.close();
    const due = openStore(file, { marker: readMarker(t.dataDir), now: new Date(now.getTime() + 8 * 86_400_000) });
    expect(due.checks).toBe('full');
    due.db!.close();
    const unclean = openStore(file, { marker: { ...marker, state: 'open' }, now });
    // Unclean with the journal missing (a clean close removed it) is refused; with it, the full checks run first.
    expect(unclean.db).toBeNull();
    fs.writeFileSync(`${file}-wal`, '');
    const uncleanWithJournal = openStore(file, { marker: { ...marker, state: 'open' }, now });
    expect(uncleanWithJournal.checks).toBe('full');
    uncleanWithJournal.db!.close();
  });
});

describe('the full checks in the background', () => {
  it('find a changed sale (sales journal) that quick_check cannot see: banner, audit, finalise refused until a manager looks', async () => {
    const till = makeTill();
    const { t, db } = till;
    const sale = till.sale([{ productId: till.products.egg, quantity: 2 }]);
    till.sale([{ productId: till.products.chips, quantity: 1 }]);
    expect(t.ok('ledger.verify', {}).salesJournal).toMatchObject({ ok: true, salesChecked: 2, code: expect.stringMatching(/^[0-9A-F]{12}$/) });
    db.prepare('UPDATE sales SET total = total - 1000 WHERE id = ?').run(sale.id);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    const verify = t.ok('ledger.verify', {});
    expect(verify.ok).toBe(false);
    expect(verify.salesJournal!.problem).toMatchObject({ receiptNo: sale.receiptNo, message: expect.stringMatching(/changed after it was recorded/) });

    await t.core.runBackgroundChecks();
    const checks = t.core.status().health!.checks;
    expect(checks).toMatchObject({ state: 'findings', acknowledged: false });
    expect(checks.findings[0]!.en).toMatch(/sales journal does not match/);
    const audit = db.prepare("SELECT after_json FROM audit_log WHERE action = 'checks.finding'").all() as { after_json: string }[];
    expect(audit).toHaveLength(1);
    const refused = t.err('settlements.finalize', { periodEnd: '2026-11-01', approval: till.mgr });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Pemeriksaan latar belakang menemukan masalah/) });
    expect(t.err('system.acknowledgeChecks', { approval: { staffId: till.cashier.staffId, pin: till.cashier.pin } }).code).toBe('FORBIDDEN');
    expect(t.ok('system.acknowledgeChecks', { approval: till.mgr }).health!.checks.acknowledged).toBe(true);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'checks.acknowledge'").get()).toEqual({ n: 1 });
    const reply = t.raw('settlements.finalize', { periodEnd: '2026-11-01', approval: till.mgr });
    expect(reply.ok || !/Pemeriksaan latar belakang/.test(reply.error.message)).toBe(true);
    t.close();
  });

  it('find a broken index that quick_check passes', async () => {
    const till = makeTill();
    for (let i = 0; i < 30; i++) till.sale([{ productId: till.products.egg, quantity: 1 }]);
    const dir = till.t.dataDir;
    till.t.close();
    const file = path.join(dir, DB_FILE_NAME);
    // Point the index's definition at another column behind SQLite's back: the table is whole, its index no longer matches it.
    const raw = new Database(file);
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw.prepare("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_sales_created ON sales(receipt_no)' WHERE name = 'ix_sales_created'").run();
    raw.pragma('writable_schema = OFF');
    raw.close();
    const probe = new Database(file, { readonly: true });
    expect(probe.pragma('quick_check', { simple: true })).toBe('ok');
    probe.close();
    const t = makeTestCore({ dataDir: dir });
    expect(t.core.status().state).toBe('ready');
    await t.core.runBackgroundChecks();
    expect(t.core.status().health!.checks.findings.map((f) => f.en).join(' ')).toMatch(/integrity check found damage/);
    t.close();
  });
});

describe('the sales journal on the Z report', () => {
  it('prints the chain code at close', () => {
    const till = makeTill();
    till.sale([{ productId: till.products.egg, quantity: 1 }]);
    const code = till.t.ok('ledger.verify', {}).salesJournal!.code;
    expect(code).toMatch(/^[0-9A-F]{12}$/);
    const report = till.t.ok('shifts.close', { shiftId: till.shiftId, countedCash: 203_000 });
    expect(report.salesChainCode).toBe(code);
    expect(till.t.ok('shifts.zReport', { shiftId: till.shiftId }).salesChainCode).toBe(code);
    till.t.close();
  });
});

describe('backups: compressed, fsynced, within a budget', () => {
  it('rotation drops the oldest automatic backups beyond the size budget, keeping the newest and every manual one', () => {
    const dir = tempDir('ukm-mart-budget-');
    const start = Date.parse('2026-11-01T10:00:00.000Z');
    for (let d = 0; d < 10; d++) fs.writeFileSync(path.join(dir, backupFileName(new Date(start + d * 86_400_000), 'daily')), Buffer.alloc(1000));
    fs.writeFileSync(path.join(dir, backupFileName(new Date(start), 'manual')), Buffer.alloc(5000));
    rotateBackups(dir, undefined, 3500);
    const left = listBackups(dir);
    const automatic = left.filter((b) => b.kind !== 'manual');
    expect(automatic.map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-11-10', '2026-11-09', '2026-11-08']);
    expect(left.filter((b) => b.kind === 'manual')).toHaveLength(1);
    rotateBackups(dir, undefined, 10);
    expect(listBackups(dir).filter((b) => b.kind !== 'manual')).toHaveLength(1);
  });

  it('a compressed backup is a third or less of the store and restores (decompressed, then checked)', async () => {
    const t = makeTestCore();
    const approval = t.manager();
    const db = t.core.db!;
    const add = db.prepare("INSERT INTO audit_log (at, action, reason) VALUES ('2026-11-02T02:00:00.000Z', 'filler', ?)");
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) add.run(`row ${i} ${'Telur asin Bu Siti '.repeat(5)}`);
    })();
    t.ok('settings.update', { storeName: 'Sebelum' });
    const reply = await t.callAsync('backup.create', {});
    const info = (reply as { ok: true; value: { file: string; sizeBytes: number } }).value;
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(info.sizeBytes * 3).toBeLessThan(fs.statSync(t.core.dbFile).size);
    expect(fs.statSync(info.file).mode & 0o077).toBe(0);
    t.ok('settings.update', { storeName: 'Sesudah' });
    const restored = await t.callAsync('backup.restore', { file: info.file, approval });
    expect(restored.ok, JSON.stringify(restored)).toBe(true);
    expect(t.ok('settings.get', {}).storeName).toBe('Sebelum');
    // A truncated archive is refused as damaged, and nothing changes.
    const cut = path.join(tempDir(), 'cut.sqlite.gz');
    fs.writeFileSync(cut, fs.readFileSync(info.file).subarray(0, 2000));
    const bad = await t.callAsync('backup.restore', { file: cut, approval });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/rusak.*Tidak ada yang diubah/) } });
    expect(t.ok('settings.get', {}).storeName).toBe('Sebelum');
    t.close();
  });
});

void waitFor;
