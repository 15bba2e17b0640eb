import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FullCheckResult } from './fullChecks';

/**
 * Runs the full checks (fullChecks.ts) on a worker thread with its own
 * read-only connection, so the till never waits for them (SPEC §9). Under the
 * TypeScript sources (tests) the worker registers tsx first; the built app
 * loads the compiled .js beside this file.
 */
const LOADER = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts')) require(workerData.tsx).register();
require(workerData.entry);
`;

export interface RunningCheck {
  done: Promise<FullCheckResult>;
  cancel(): void;
}

/** `jobs`: the runtime's job board, on which the checks give way to the till (runtime/jobs.ts). */
export function startFullChecks(file: string, nativeBinding?: string, jobs?: SharedArrayBuffer): RunningCheck {
  const ext = path.extname(__filename);
  const entry = path.join(__dirname, `backgroundCheckWorker${ext}`);
  let worker: Worker | null = null;
  let cancelled = false;
  const done = new Promise<FullCheckResult>((resolve) => {
    const failed = (why: string): FullCheckResult => ({
      findings: [{ check: 'error', id: `Pemeriksaan latar belakang gagal berjalan (${why})`, en: `The background check could not run (${why})` }],
      ms: 0,
    });
    try {
      if (!fs.existsSync(entry)) throw new Error(`missing ${entry}`);
      const workerData: Record<string, unknown> = { entry, file, nativeBinding, jobs };
      if (ext === '.ts') workerData.tsx = require.resolve('tsx/cjs/api');
      worker = new Worker(LOADER, { eval: true, workerData });
      // Never keeps the process alive: a shop closing the app does not wait for a check.
      worker.unref();
      let answered = false;
      worker.once('message', (result: FullCheckResult) => {
        answered = true;
        resolve(result);
      });
      worker.once('error', (err) => resolve(failed(err.message)));
      worker.once('exit', (code) => {
        if (!answered) resolve(cancelled ? { findings: [], ms: 0 } : failed(`worker exited with ${code}`));
      });
    } catch (err) {
      resolve(failed((err as Error).message));
    }
  });
  return {
    done,
    cancel() {
      cancelled = true;
      void worker?.terminate();
    },
  };
}
