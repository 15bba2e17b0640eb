/**
 * The Electron shell's security settings and IPC handler as plain data and
 * functions. Nothing here imports 'electron', so tests check them without the
 * Electron binary; electron/main.ts only wires them up.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../shared/contract';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from './csp';
import { isShellMethod, type PrintableContents, type ShellRouter } from './printing';

export { CONTENT_SECURITY_POLICY };

/** The renderer is served from this privileged, standard scheme, never from file:// (which would reach the whole disk). */
export const APP_SCHEME = 'ukm-mart';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** IPC channel names; electron/preload.ts repeats them (a sandboxed preload cannot require local files). */
export const CALL_CHANNEL = 'ukm-mart:call';
/**
 * The call name (on CALL_CHANNEL, never a contract method) of a streamed CSV export into a file chosen in a save
 * dialog (electron/exportStream.ts): the same handler, so the same check of the calling frame.
 */
export const EXPORT_TO_FILE = 'shellExport.toFile';
export const EVENT_CHANNEL = 'ukm-mart:event';
/** Core events forwarded to the window. */
export const FORWARDED_EVENTS = ['backup.completed', 'data.changed', 'job.progress', 'job.finished', 'store.restarted'] as const;

/** `packaged`: a packaged app has no DevTools (anyone at the till could otherwise script the core's bridge). */
export function webPreferences(preloadPath: string, packaged = false) {
  return {
    preload: preloadPath,
    devTools: !packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/** `packaged`: DevTools closed in a packaged app. `icon`: the app's icon file (dist/renderer/icon.png), shown by the window manager and the task bar. */
export function windowOptions(preloadPath: string, packaged = false, icon?: string) {
  return {
    ...(icon ? { icon } : {}),
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'UKM Mart',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(preloadPath, packaged),
  } as const;
}

/** True only for the app's own page (any route or hash of it), never another origin, file:// or about:blank. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && (u.pathname === '/' || u.pathname === '/index.html');
  } catch {
    return false;
  }
}

/** Navigation away from the app is denied; the app moves between screens by hash, which is no navigation. */
export function allowNavigation(url: string): boolean {
  return isAppUrl(url);
}

export const denyWindowOpen = () => ({ action: 'deny' as const });

/** Camera, microphone, notifications, geolocation…: the till needs none of them. */
export const denyPermissionRequest = (_webContents: unknown, _permission: string, callback: (granted: boolean) => void) => callback(false);
export const denyPermissionCheck = () => false;

/** Adds the CSP to every response of the window's session. */
export function withCsp(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'content-security-policy') continue;
    out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}


/**
 * The file an app-scheme URL names inside the built renderer, or null: a
 * path that decodes outside it (`..`, encoded or not) names nothing.
 */
export function resolveRendererFile(rendererDir: string, url: string): { file: string; contentType: string } | null {
  let pathname: string;
  try {
    const u = new URL(url);
    if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const root = path.resolve(rendererDir);
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return null;
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return null;
  return { file, contentType: contentTypeOf(path.extname(file)) };
}

/** The slice of Electron's IpcMainInvokeEvent the handler looks at. */
export interface IpcEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
  /** The sending window's webContents (what `shell.print` prints). */
  sender?: unknown;
}

export interface IpcCore {
  callAsync(method: string, input: unknown, caller?: { sessionId?: string }): Promise<Envelope<unknown>>;
}

/**
 * The ONE ipc handler: refuses a sender that is not the app's own top-level
 * page, refuses a method name that is not a string, routes `shell.*` (printing)
 * to the shell's own router when there is one (electron/printing.ts, which
 * validates with the same contract schema), and lets the core validate and
 * answer everything else (callAsync never rejects). Without a shell router,
 * `shell.*` reaches the core, which answers UNAVAILABLE as in the browser.
 */
export function createIpcHandler(
  core: IpcCore,
  log: (message: string) => void = (m) => console.warn(m),
  shell?: ShellRouter,
  exportToFile?: (input: unknown, sessionId: string | undefined) => Promise<Envelope<unknown>>,
) {
  return async (event: IpcEventLike, method: unknown, input: unknown, sessionId?: unknown): Promise<Envelope<unknown>> => {
    const frame = event.senderFrame;
    if (!frame || !isAppUrl(frame.url) || (frame.parent !== null && frame.parent !== undefined)) {
      log(`[ipc] refused a call from ${frame?.url ?? 'an unknown frame'}`);
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Caller is not the UKM Mart window' } };
    }
    if (typeof method !== 'string' || method.length > 100) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Method must be a name like "producers.create"' } };
    }
    if (shell && isShellMethod(method) && event.sender) return shell(event.sender as PrintableContents, method, input);
    if (exportToFile && method === EXPORT_TO_FILE) return exportToFile(input, typeof sessionId === 'string' && sessionId.length <= 100 ? sessionId : undefined);
    return core.callAsync(method, input, typeof sessionId === 'string' && sessionId.length <= 100 ? { sessionId } : {});
  };
}

/**
 * The better-sqlite3 binding built for Electron's ABI by
 * electron/tools/electron-sqlite.cjs, if present. In a packaged app it sits
 * unpacked next to app.asar.
 */
export function electronBindingPath(appPath: string, resourcesPath?: string): string | undefined {
  const candidates = [
    ...(resourcesPath ? [path.join(resourcesPath, 'ukm-mart-electron', 'better_sqlite3.node')] : []),
    path.join(appPath, 'node_modules', '.ukm-mart-electron', 'better_sqlite3.node'),
    path.join(appPath.replace(/app\.asar$/, 'app.asar.unpacked'), 'node_modules', '.ukm-mart-electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}
