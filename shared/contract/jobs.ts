/**
 * Long work (verify, backups, exports, checks) reports progress as push
 * events and can be cancelled where stopping changes nothing (verify,
 * exports). The UI learns a job's id from its first `job.progress` event.
 */
import { z } from 'zod';
import { biMsg, method } from './define';

export interface JobProgress {
  /** `<slot>.<generation>`, unique while the store runs. */
  jobId: string;
  /** The contract method doing the work, or `backup.automatic` for the timer's backups. */
  method: string;
  /** What it is doing now, e.g. `start`, `hashing`, `copying`, `rows`. */
  phase: string;
  /** How far, in the phase's own unit (entries, pages, rows); `total` 0 means not known yet. */
  done: number;
  total: number;
  cancellable: boolean;
}

export interface JobFinished {
  jobId: string;
  method: string;
  outcome: 'done' | 'failed' | 'cancelled';
  /** How long the job waited, in all, for the till's and the screens' calls to be answered (it gives way to them). */
  gaveWayMs: number;
}

export const jobMethods = {
  /** Asks a running long job to stop; it stops at its next safe point and answers CONFLICT "Cancelled". */
  'jobs.cancel': method<{ cancelled: boolean }>({ access: 'manager', kind: 'read' })(
    z.object({ jobId: z.string().regex(/^\d+\.\d+$/, { error: biMsg('Id pekerjaan tidak sah', 'Invalid job id') }) }).strict(),
  ),
} as const;
