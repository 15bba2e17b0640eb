/** Worker-thread entry of the background checks (backgroundCheck.ts): reads only, posts one result. */
import { parentPort, workerData } from 'node:worker_threads';
import { JobBoard } from '../runtime/jobs';
import { runFullChecksOnFile } from './fullChecks';

const { file, nativeBinding, jobs } = workerData as { file: string; nativeBinding?: string; jobs?: SharedArrayBuffer };
// Long work: at each step of the chains' checks it gives way to the till's calls in flight (runtime/jobs.ts).
const board = jobs ? new JobBoard(jobs) : null;
parentPort!.postMessage(runFullChecksOnFile(file, nativeBinding, board ? () => void board.giveWay() : undefined));
