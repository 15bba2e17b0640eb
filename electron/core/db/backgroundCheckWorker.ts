/** Worker-thread entry of the background checks (backgroundCheck.ts): reads only, posts one result. */
import { parentPort, workerData } from 'node:worker_threads';
import { runFullChecksOnFile } from './fullChecks';

const { file, nativeBinding } = workerData as { file: string; nativeBinding?: string };
parentPort!.postMessage(runFullChecksOnFile(file, nativeBinding));
