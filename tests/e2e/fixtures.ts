import fs from 'node:fs';
import { beforeAll, describe } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host';
import { createCore, type Core } from '../../electron/core/app';
import { inProcessEndpoint } from '../../electron/core/runtime/endpoint';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
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
  api<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
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
  const core = options.inProcess ? createCore({ dataDir, shell: 'browser', ...(options.clock ? { now: options.clock.now } : {}) }) : null;
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
  const api = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const res = await fetch(`${host.url}/api/rpc`, {
      method: 'POST',
      // A fresh connection per call: a kept-alive socket can be closed by the
      // host's idle timer just as the next call goes out (ECONNRESET under load).
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, connection: 'close' },
      body: JSON.stringify({ method, input }),
    });
    const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    if (!body.ok) throw new Error(`${method} refused: ${body.error?.code} ${body.error?.message}`);
    return body.value as MethodOutput<M>;
  };
  return {
    host,
    browser,
    page,
    clock: options.clock ?? null,
    dataDir,
    core,
    api,
    async close() {
      await browser.close();
      await host.close();
      core?.close();
    },
  };
}
