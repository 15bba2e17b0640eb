import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host';
import { createCore, type Core } from '../../electron/core/app';
import { inProcessEndpoint } from '../../electron/core/runtime/endpoint';
import { contract, isMethodName, type MethodInput, type MethodName, type MethodOutput } from '../../shared/contract';
import { DEMO_MANAGER } from '../../shared/domain/demo';
import { hashPin } from '../../electron/core/staff/pin';
import { tempDir, TestClock } from '../helpers/core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const hasChromium = fs.existsSync(CHROMIUM_PATH);
/** Helpers working side by side may build the UI into their own folder: UKM_MART_RENDERER_DIR. */
export const RENDERER_DIR = process.env.UKM_MART_RENDERER_DIR ?? 'dist/renderer';
const hasBuild = fs.existsSync(`${RENDERER_DIR}/index.html`);

/**
 * `describe` for end-to-end tests: they never skip (only the Electron suites
 * may). Without Chromium or the built UI the suite fails at once, saying why
 * (npm test builds the UI and CI installs Chromium).
 */
export const describeE2E: typeof describe = ((name: string, fn: () => void) => {
  if (hasChromium && hasBuild) return describe(name, fn);
  const why = !hasChromium ? `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)` : 'UI not built (npm run build)';
  return describe(name, () => {
    beforeAll(() => {
      throw new Error(`cannot run end-to-end tests: ${why}`);
    });
    fn();
  });
}) as typeof describe;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Titles of the print requests the page made (window.print is recorded, see startE2EApp). */
export function printRequests(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __prints: string[] }).__prints);
}

export interface E2EApp {
  host: RunningHost;
  browser: Browser;
  page: Page;
  clock: TestClock | null;
  dataDir: string;
  /** The in-process core, with `inProcess: true`; null when the store runtime runs it. */
  core: Core | null;
  /** Calls the automation API over HTTP, as an outside client would. */
  /**
   * Calls the automation API over HTTP, as an outside client would, signed in
   * as a manager when the method needs a session: the first manager created
   * through `api` (or the demo store's), with the session in `X-UKM-Session`.
   */
  api<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** The same, signed in as this staff member. */
  apiAs(staff: { staffId: number; pin: string }): <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
  close(): Promise<void>;
}

/**
 * Starts browser mode on a fresh temporary data folder and opens the app in
 * Chromium. Pass a clock to control the core's time (the page's own clock is
 * the real one).
 */
export async function startE2EApp(
  options: { clock?: TestClock; viewport?: { width: number; height: number }; /** Run the core in this process (tests that reach into its database). */ inProcess?: boolean } = {},
): Promise<E2EApp> {
  const dataDir = tempDir('ukm-mart-e2e-');
  // The background checks run only when the test asks (core.runBackgroundChecks()): a timed one could answer for a store the test has not damaged yet.
  const core = options.inProcess ? createCore({ dataDir, shell: 'browser', backgroundChecksAfterMs: null, ...(options.clock ? { now: options.clock.now } : {}) }) : null;
  const host = await startHost({
    dataDir,
    port: 0,
    rendererDir: RENDERER_DIR,
    ...(options.clock ? { now: options.clock.now } : {}),
    ...(core ? { core: inProcessEndpoint(core) } : {}),
  });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 860 } });
  // Headless Chromium has no print dialog, and a real window.print() leaves the
  // page "being printed", which makes page.pdf() fail. Tests render documents
  // with page.pdf(); print requests are recorded in window.__prints instead.
  await context.addInitScript(() => {
    const w = window as unknown as { __prints: string[] };
    w.__prints = [];
    window.print = () => {
      w.__prints.push(document.title);
    };
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  type Body = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  const post = async (method: string, input: unknown, session: string | null): Promise<Body> => {
    const res = await fetch(`${host.url}/api/rpc`, {
      method: 'POST',
      // A fresh connection per call: a kept-alive socket can be closed by the
      // host's idle timer just as the next call goes out (ECONNRESET under load).
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, connection: 'close', ...(session ? { 'x-ukm-session': session } : {}) },
      body: JSON.stringify({ method, input }),
    });
    return (await res.json()) as Body;
  };
  // The store runs in the runtime's worker threads: the fixture reads (and seeds a manager) on a connection of its own.
  let side: Database.Database | null = null;
  const sideDb = (): Database.Database => {
    if (core?.db) return core.db;
    if (!side) {
      side = new Database(path.join(dataDir, 'ukm-mart.sqlite'), { fileMustExist: true });
      side.pragma('busy_timeout = 5000');
    }
    return side;
  };
  const hasStaff = () => sideDb().prepare('SELECT 1 FROM staff LIMIT 1').get() !== undefined;
  const needsSession = (method: string) =>
    isMethodName(method) && contract[method].access !== 'anyone' && !((contract[method].access === 'setup' || method === 'staff.create') && !hasStaff());
  const managers: { staffId: number; pin: string }[] = [];
  const client = (who: () => { staffId: number; pin: string } | undefined) => {
    let session: string | null = null;
    const signIn = async () => {
      const w = who();
      if (!w) return null;
      const reply = await post('auth.signIn', w, null);
      return reply.ok ? (reply.value as { sessionId: string }).sessionId : null;
    };
    return async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      if (needsSession(method) && session === null) session = await signIn();
      let body = await post(method, input, session);
      if (!body.ok && body.error?.code === 'UNAUTHENTICATED' && needsSession(method)) {
        session = await signIn(); // the session ended (idle time on the test clock): sign in again
        body = await post(method, input, session);
      }
      if (!body.ok) throw new Error(`${method} refused: ${body.error?.code} ${body.error?.message}`);
      if (method === 'staff.create' && (input as { role?: string }).role === 'manager') {
        managers.push({ staffId: (body.value as { id: number }).id, pin: (input as { pin: string }).pin });
      }
      if (method === 'setup.complete' && (input as { mode?: string }).mode === 'demo') {
        const boss = sideDb().prepare("SELECT id FROM staff WHERE name = ? AND role = 'manager'").get(DEMO_MANAGER.name) as { id: number } | undefined;
        if (boss) managers.push({ staffId: boss.id, pin: DEMO_MANAGER.pin });
      }
      return body.value as MethodOutput<M>;
    };
  };
  /**
   * The manager `api` signs in as: the first one created through it, else the demo store's
   * Bu Rina, else one made on first need (as tests/helpers/core.ts does), PIN 1234.
   */
  const automaticManager = () => {
    if (managers[0]) return managers[0];
    const db = sideDb();
    const demo = db.prepare("SELECT id FROM staff WHERE name = ? AND role = 'manager' AND active = 1").get(DEMO_MANAGER.name) as { id: number } | undefined;
    if (demo) return { staffId: demo.id, pin: DEMO_MANAGER.pin };
    const at = new Date().toISOString();
    const id = Number(
      db.prepare("INSERT INTO staff (name, role, pin_hash, active, created_at, updated_at) VALUES ('Pengelola Uji', 'manager', ?, 1, ?, ?)").run(hashPin('1234'), at, at).lastInsertRowid,
    );
    managers.push({ staffId: id, pin: '1234' });
    return managers[0];
  };
  const api = client(automaticManager);
  return {
    host,
    browser,
    page,
    clock: options.clock ?? null,
    dataDir,
    core,
    api,
    apiAs: (staff) => client(() => staff),
    async close() {
      await browser.close();
      side?.close();
      await host.close();
      core?.close();
    },
  };
}
