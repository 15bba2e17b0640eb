/** The Electron shell's security settings, as data, without the Electron binary. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  APP_ENTRY_URL,
  CALL_CHANNEL,
  CONTENT_SECURITY_POLICY,
  createIpcHandler,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  EVENT_CHANNEL,
  EXPORT_TO_FILE,
  FORWARDED_EVENTS,
  resolveRendererFile,
  webPreferences,
  windowOptions,
  withCsp,
} from '../../electron/shellConfig';
import { CONTENT_SECURITY_POLICY as HOST_CSP } from '../../electron/host';
import { makeTestCore, tempDir } from '../helpers/core';

const root = path.resolve(__dirname, '../..');

describe('window and webPreferences', () => {
  it('isolates the renderer: contextIsolation, sandbox, no Node, webSecurity on', () => {
    const prefs = webPreferences('/app/preload.js');
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(windowOptions('/p.js').webPreferences).toEqual(webPreferences('/p.js'));
  });

  it('uses one strict CSP in both shells', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(HOST_CSP);
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
    const headers = withCsp({ 'Content-Security-Policy': ['default-src *'], 'content-type': 'text/html' });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(headers['content-type']).toEqual(['text/html']);
  });

  it('denies navigation away, window.open and every permission', () => {
    expect(allowNavigation(APP_ENTRY_URL)).toBe(true);
    expect(allowNavigation(`${APP_ENTRY_URL}#/catalogue`)).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'about:blank', 'ukm-mart://other/index.html', 'ukm-mart://app/evil.html', 'javascript:alert(1)']) {
      expect(allowNavigation(url), url).toBe(false);
    }
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read']) denyPermissionRequest(null, perm, (g) => answers.push(g));
    expect(answers).toEqual([false, false, false, false]);
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('the app scheme serves only the built renderer', () => {
  it('resolves files inside it and nothing outside', () => {
    const dir = tempDir('ukm-mart-renderer-');
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), 'x');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'x');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'x');
    expect(resolveRendererFile(rendererDir, 'ukm-mart://app/')?.file).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveRendererFile(rendererDir, 'ukm-mart://app/assets/a.js')).toEqual({ file: path.join(rendererDir, 'assets', 'a.js'), contentType: 'text/javascript; charset=utf-8' });
    for (const url of ['ukm-mart://app/../secret.txt', 'ukm-mart://app/%2e%2e/secret.txt', 'ukm-mart://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'ukm-mart://app/%2E%2E%5Csecret.txt', 'ukm-mart://other/index.html', 'file:///etc/passwd', 'ukm-mart://app/%E0%A4%A', 'ukm-mart://app/assets']) {
      expect(resolveRendererFile(rendererDir, url), url).toBeNull();
    }
  });
});

describe('the one IPC handler', () => {
  it('answers the app page through the core, validating input', async () => {
    const t = makeTestCore();
    const handle = createIpcHandler(t.core, () => undefined);
    const app = { senderFrame: { url: `${APP_ENTRY_URL}#/catalogue`, parent: null } };
    expect(await handle(app, 'system.status', {})).toMatchObject({ ok: true, value: { state: 'ready' } });
    // The bridge carries the session as a fourth argument; without one a manager's method is refused.
    expect(await handle(app, 'settings.update', { paymentTermDays: 3 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const session = t.caller().sessionId;
    expect(await handle(app, 'settings.update', { paymentTermDays: -3 }, session)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await handle(app, 'no.such', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await handle(app, { toString: () => 'system.status' }, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Asynchronous methods go through callAsync.
    expect(await handle(app, 'backup.create', {}, session)).toMatchObject({ ok: true, value: { kind: 'manual' } });
    t.close();
  });

  it('refuses any other sender: another origin, a subframe, a file page, no frame', async () => {
    const t = makeTestCore();
    const refused: string[] = [];
    const handle = createIpcHandler(t.core, (m) => refused.push(m));
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///home/kasir/evil.html', parent: null },
      { url: APP_ENTRY_URL, parent: {} },
      null,
    ]) {
      expect(await handle({ senderFrame: frame }, 'settings.update', { storeName: 'Dibajak' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(refused).toHaveLength(4);
    expect(t.ok('settings.get', {}).storeName).toBe('UKM Mart');
    t.close();
  });
});

describe('the preload', () => {
  const source = fs.readFileSync(path.join(root, 'electron', 'preload.ts'), 'utf8');
  it('is self-contained (a sandboxed preload may require only electron)', () => {
    const imports = [...source.matchAll(/from\s+'([^']+)'|require\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]);
    expect(imports).toEqual(['electron']);
  });
  it('exposes only ukmMart.{call,on} on the channels main listens to', () => {
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toMatch(/exposeInMainWorld\('ukmMart', \{\s*call\(/);
    expect(source).toContain(`const CALL_CHANNEL = '${CALL_CHANNEL}'`);
    expect(source).toContain(`const EVENT_CHANNEL = '${EVENT_CHANNEL}'`);
    expect(source).toContain(`const EXPORT_TO_FILE = '${EXPORT_TO_FILE}'`);
    expect(source).toContain(`const EVENTS = [${FORWARDED_EVENTS.map((e) => `'${e}'`).join(', ')}]`);
    expect(source).not.toMatch(/ipcRenderer\.send\b|exposeInMainWorld\('ipcRenderer'/);
  });
});

describe('main.ts wiring', () => {
  const main = fs.readFileSync(path.join(root, 'electron', 'main.ts'), 'utf8');
  it('takes the single-instance lock and the data folder lock, has ONE ipc handler, and backs up daily and (bounded) on close', () => {
    expect(main).toContain('requestSingleInstanceLock()');
    expect(main.match(/ipcMain\.(handle|on)\(/g)).toEqual(['ipcMain.handle(']);
    expect(main).toContain('createIpcHandler(store, undefined, createShellRouter(store), saveExport)');
    expect(main).toContain('startBackupSchedule(store)');
    expect(main).toContain('closeStore(store, stopSchedule)');
    // The store runs in the runtime's threads, never in the main process.
    expect(main).toContain('StoreRuntime.start(');
    expect(main).not.toMatch(/createCore|from 'better-sqlite3'/);
    // Issue 12: one process per data folder; the close backup is bounded (closeStore → backupOnClose).
    expect(main).toContain('lockDataFolder(dataDir');
    expect(main).toContain('setPermissionRequestHandler(denyPermissionRequest)');
    expect(main).toContain('desktopDataDir(process.env'); // UKM_MART_DATA_DIR, tested in platform-desktop-routing
  });
});
