/**
 * Flow control of a streamed CSV export between a long-work thread and the
 * shell's thread (issue 14). The worker writes chunks as messages and may be at
 * most FLOW_WINDOW chunks ahead of what the shell has written out (to the HTTP
 * response, to the file): past that it blocks on a shared counter until the
 * shell acknowledges a chunk, so a slow download holds the export, not memory.
 * The shell sets the stop flag when the reader went away; the export then ends.
 */
import { AppError } from '../errors';

/** Chunks (about 64 KiB each) in flight at most. */
export const FLOW_WINDOW = 4;
/** A reader that takes nothing for this long has gone: the export stops. */
export const FLOW_STALL_MS = 60_000;

const ACKED = 0;
const STOPPED = 1;

export const newFlow = () => new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);

const stoppedError = () =>
  new AppError('UNAVAILABLE', { id: 'Unduhan dihentikan sebelum selesai.', en: 'The download was stopped before it finished.' });

/** The worker's side: a sink that posts each chunk and waits while too many are unacknowledged. */
export function flowSink(flow: SharedArrayBuffer, post: (chunk: string) => void, stallMs = FLOW_STALL_MS): (chunk: string) => void {
  const counters = new Int32Array(flow);
  let sent = 0;
  return (chunk) => {
    if (Atomics.load(counters, STOPPED) !== 0) throw stoppedError();
    post(chunk);
    sent++;
    for (;;) {
      if (Atomics.load(counters, STOPPED) !== 0) throw stoppedError();
      const acked = Atomics.load(counters, ACKED);
      if (sent - acked < FLOW_WINDOW) return;
      if (Atomics.wait(counters, ACKED, acked, stallMs) === 'timed-out') throw stoppedError();
    }
  };
}

/** The shell's side: one chunk written out, or the reader gone. */
export function flowControl(flow: SharedArrayBuffer) {
  const counters = new Int32Array(flow);
  return {
    ack(): void {
      Atomics.add(counters, ACKED, 1);
      Atomics.notify(counters, ACKED);
    },
    stop(): void {
      Atomics.store(counters, STOPPED, 1);
      Atomics.notify(counters, ACKED);
    },
  };
}
