/**
 * Electron entry: one instance, one locked-down window, one IPC handler, and
 * printing. The store runs in the store runtime's threads (core/runtime),
 * never here; the pure parts live in ./shellConfig, ./desktopRouting and
 * ./printing (unit-tested without Electron), this file only wires them up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, type WebContents } from 'electron';
import { startBackupSchedule } from './core/backup/schedule';
import { StoreRuntime } from './core/runtime/storeRuntime';
import { closeStore, desktopDataDir, forwardStoreEvents } from './desktopRouting';
import { lockDataFolder, type FolderLock } from './core/db/folderLock';
import { createShellRouter, type PrintableContents } from './printing';
import { openCustomerDisplay } from './customerWindow';
import { exportToChosenFile } from './exportStream';
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
  resolveRendererFile,
  windowOptions,
  withCsp,
} from './shellConfig';

// dist/node/electron/main.js -> dist/renderer
const RENDERER_DIR = process.env.UKM_MART_RENDERER_DIR ? path.resolve(process.env.UKM_MART_RENDERER_DIR) : path.resolve(__dirname, '../../renderer');
const PRELOAD = path.join(__dirname, 'preload.js');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Compile-time proof that a real WebContents is what electron/printing.ts prints with. */
export const asPrintable = (contents: WebContents): PrintableContents => contents;

let store: StoreRuntime | null = null;
let mainWindow: BrowserWindow | null = null;
let stopSchedule = () => undefined as void;
let folderLock: FolderLock | null = null;

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
      headers: { 'content-type': found.contentType, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
    });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders) }));
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
}

function createWindow(runtime: StoreRuntime): BrowserWindow {
  const win = new BrowserWindow(windowOptions(PRELOAD, app.isPackaged, path.join(RENDERER_DIR, 'icon.png')));
  win.once('ready-to-show', () => win.show());
  forwardStoreEvents(runtime, { isDestroyed: () => win.isDestroyed(), send: (name, payload) => win.webContents.send(EVENT_CHANNEL, name, payload) });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  const nativeBinding = electronBindingPath(app.getAppPath(), process.resourcesPath);
  if (!nativeBinding) console.warn('[ukm-mart] no better-sqlite3 build for Electron found; trying the default one');
  const dataDir = desktopDataDir(process.env, app.getPath('userData'));
  // One process per data folder, whichever shell (SPEC §9); the single-instance lock above covers only this app's own copies.
  try {
    folderLock = lockDataFolder(dataDir, 'electron');
  } catch (err) {
    console.error(`[ukm-mart] ${(err as Error).message}`);
    dialog.showErrorBox('UKM Mart', (err as Error).message);
    app.exit(1);
    return;
  }
  store = await StoreRuntime.start({ dataDir, shell: 'electron', ...(nativeBinding ? { nativeBinding } : {}) });
  serveRenderer();
  // Printing (`shell.*`) is answered by the window's webContents, everything else by the store runtime.
  // A streamed CSV export (issue 14) goes through the same handler: into a file chosen in a save dialog.
  const runtime = store;
  const saveExport = (input: unknown, sessionId: string | undefined) =>
    exportToChosenFile(runtime, input, sessionId, async (suggestedName) => {
      const chosen = await dialog.showSaveDialog({ defaultPath: suggestedName, filters: [{ name: 'CSV', extensions: ['csv'] }] });
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    });
  ipcMain.handle(CALL_CHANNEL, createIpcHandler(store, undefined, createShellRouter(store), saveExport));
  stopSchedule = startBackupSchedule(store);
  mainWindow = createWindow(store);
  openCustomerDisplay(PRELOAD, mainWindow);
}

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !store) return;
  // A backup on close, then really quit.
  event.preventDefault();
  quitting = true;
  void closeStore(store, stopSchedule).finally(() => {
    folderLock?.release();
    store = null;
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
