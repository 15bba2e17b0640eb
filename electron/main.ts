/**
 * Electron entry: one instance, one locked-down window, one IPC handler.
 * The renderer is served from the privileged `ukm-mart://app/` scheme with the
 * app's CSP; the pure settings live in ./shellConfig (unit-tested without
 * Electron), this file only wires them to Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, type WebContents } from 'electron';
import { createCore, type Core } from './core/app';
import { automaticBackup, startBackupSchedule } from './core/backup/schedule';
import { createShellRouter, type PrintableContents } from './printing';
import {
  allowNavigation,
  APP_ENTRY_URL,
  APP_SCHEME,
  CALL_CHANNEL,
  CONTENT_SECURITY_POLICY,
  createIpcHandler,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  electronBindingPath,
  EVENT_CHANNEL,
  FORWARDED_EVENTS,
  resolveRendererFile,
  windowOptions,
  withCsp,
} from './shellConfig';

// dist/node/electron/main.js -> dist/renderer
const RENDERER_DIR = process.env.UKM_MART_RENDERER_DIR
  ? path.resolve(process.env.UKM_MART_RENDERER_DIR)
  : path.resolve(__dirname, '../../renderer');
const PRELOAD = path.join(__dirname, 'preload.js');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Compile-time proof that a real WebContents is what electron/printing.ts prints with. */
export const asPrintable = (contents: WebContents): PrintableContents => contents;

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
let stopSchedule: (() => void) | null = null;

function lockDownEveryWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(denyWindowOpen);
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const found = resolveRendererFile(RENDERER_DIR, request.url);
    if (!found) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return new Response(fs.readFileSync(found.file), {
      headers: {
        'content-type': found.contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
}

function createWindow(theCore: Core): BrowserWindow {
  const win = new BrowserWindow(windowOptions(PRELOAD, app.isPackaged));
  win.once('ready-to-show', () => win.show());
  for (const name of FORWARDED_EVENTS) {
    theCore.on(name, (payload) => {
      if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
    });
  }
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env.UKM_MART_DATA_DIR ? path.resolve(process.env.UKM_MART_DATA_DIR) : app.getPath('userData');
  const nativeBinding = electronBindingPath(app.getAppPath(), process.resourcesPath);
  if (!nativeBinding) console.warn('[ukm-mart] no better-sqlite3 build for Electron found; trying the default one');
  core = createCore({ dataDir, shell: 'electron', ...(nativeBinding ? { nativeBinding } : {}) });
  serveRenderer();
  // Printing (`shell.*`) is answered by the window's webContents, everything else by the core.
  ipcMain.handle(CALL_CHANNEL, createIpcHandler(core, undefined, createShellRouter(core)));
  stopSchedule = startBackupSchedule(core, nativeBinding ? { nativeBinding } : {});
  mainWindow = createWindow(core);
}

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  // A backup on close, then really quit.
  event.preventDefault();
  quitting = true;
  stopSchedule?.();
  const closing = core;
  void automaticBackup(closing, 'close').finally(() => {
    closing.close();
    core = null;
    app.quit();
  });
});
app.on('window-all-closed', () => app.quit());

if (!app.requestSingleInstanceLock()) {
  // Another UKM Mart is running: it gets the focus (below), this one leaves. One writer per database.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  lockDownEveryWebContents();
  start().catch((err) => {
    console.error('[ukm-mart] could not start:', err);
    app.exit(1);
  });
}
