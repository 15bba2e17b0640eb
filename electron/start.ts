/**
 * `npm start`: the Electron window when Electron's binary is installed;
 * otherwise browser mode, said in one line, with the URL printed and opened
 * in Chromium's app mode when a Chromium is on PATH.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from './core/app';
import { serve } from './host';

const ROOT = path.resolve(__dirname, '../../..');

/** The Electron binary installed by node_modules/electron, if its download succeeded. */
export function electronBinary(root = ROOT): string | null {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return rel && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const CHROMIUMS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChromium(pathVar = process.env.PATH ?? ''): string | null {
  for (const dir of pathVar.split(path.delimiter).filter(Boolean)) {
    for (const name of CHROMIUMS) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Chromium's app mode: a window without tabs or address bar, with its own profile under the data folder. */
export function chromiumAppArgs(url: string, dataDir: string): string[] {
  return [`--app=${url}`, `--user-data-dir=${path.join(dataDir, 'chromium-profile')}`, '--no-first-run', '--no-default-browser-check'];
}

function startElectron(bin: string): void {
  const child = spawn(bin, [ROOT], { stdio: 'inherit', env: process.env });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
}

async function startBrowserMode(reason: string): Promise<void> {
  console.log(`UKM Mart is running in browser mode (${reason}).`);
  const host = await serve();
  console.log(`Open: ${host.appUrl}`);
  console.log(`Data folder: ${host.core.dataDir}`);
  const chromium = findChromium();
  if (chromium) {
    const args = chromiumAppArgs(host.appUrl, host.core.dataDir ?? defaultDataDir());
    const child = spawn(chromium, args, { stdio: 'ignore', detached: true });
    child.on('error', (err) => console.log(`Could not open ${chromium}: ${err.message}. Open the URL above yourself.`));
    child.unref();
  } else {
    console.log('No Chromium found on PATH: open the URL above in a browser.');
  }
}

if (require.main === module) {
  const bin = process.env.UKM_MART_BROWSER_MODE === '1' ? null : electronBinary();
  const works = bin !== null && spawnSync(bin, ['--version'], { stdio: 'ignore', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }).status === 0;
  if (bin && works) startElectron(bin);
  else {
    const reason = process.env.UKM_MART_BROWSER_MODE === '1'
      ? 'UKM_MART_BROWSER_MODE=1'
      : bin ? `the Electron binary at ${bin} does not run on this machine` : 'the Electron binary is not installed';
    startBrowserMode(reason).catch((err) => {
      console.error(`UKM Mart could not start: ${(err as Error).message}`);
      process.exit(1);
    });
  }
}
