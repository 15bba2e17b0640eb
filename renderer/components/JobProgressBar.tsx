/**
 * Long work's progress bar: follows the `job.progress` events of the given
 * methods (verify, backup, exports), shows the phase and how far it is, and
 * offers Cancel where cancelling is safe. The screen keeps working meanwhile:
 * the work runs in the store runtime's own thread.
 */
import { useEffect, useState } from 'react';
import type { JobProgress } from '../../shared/contract/jobs';
import { call, on } from '../api';
import { useI18n, type StringKey } from '../i18n';
import { progressCount } from './count';

const PHASES: Record<string, StringKey> = {
  start: 'jobs.phase.start',
  hashing: 'jobs.phase.hashing',
  journal: 'jobs.phase.journal',
  copying: 'jobs.phase.copying',
  compressing: 'jobs.phase.compressing',
  reading: 'jobs.phase.reading',
  rows: 'jobs.phase.rows',
  decompressing: 'jobs.phase.decompressing',
  checking: 'jobs.phase.checking',
  swapping: 'jobs.phase.swapping',
};

/** The running job of one of `methods`, or null. */
export function useJobProgress(methods: readonly string[]): JobProgress | null {
  const [job, setJob] = useState<JobProgress | null>(null);
  const key = methods.join(',');
  useEffect(() => {
    const mine = new Set(key.split(','));
    const stopProgress = on('job.progress', (p) => {
      if (mine.has(p.method)) setJob(p);
    });
    const stopFinished = on('job.finished', (f) => setJob((current) => (current?.jobId === f.jobId ? null : current)));
    return () => {
      stopProgress();
      stopFinished();
    };
  }, [key]);
  return job;
}

export function JobProgressBar({ methods }: { methods: readonly string[] }) {
  const { t, lang } = useI18n();
  const job = useJobProgress(methods);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => setCancelling(false), [job?.jobId]);
  if (!job) return null;
  const known = job.total > 0;
  const percent = known ? Math.min(100, Math.floor((job.done * 100) / job.total)) : null;
  return (
    <div className="job-progress row" role="status" aria-live="polite">
      <span>{t(PHASES[job.phase] ?? 'jobs.working')}</span>
      <progress aria-label={t('jobs.progress')} max={known ? job.total : undefined} value={known ? job.done : undefined}>
        {percent === null ? '' : `${percent}%`}
      </progress>
      {known && <span className="muted">{t('jobs.count', progressCount(job.phase, job.done, job.total, lang))}{percent !== null ? ` (${percent}%)` : ''}</span>}
      {job.cancellable && (
        <button
          type="button"
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            void call('jobs.cancel', { jobId: job.jobId }).catch(() => setCancelling(false));
          }}
        >
          {t('jobs.cancel')}
        </button>
      )}
    </div>
  );
}

/** A notice when the store runtime had to start again (nothing in flight was retried). */
export function StoreRestartedNotice() {
  const { t } = useI18n();
  const [restarted, setRestarted] = useState(false);
  useEffect(() => on('store.restarted', () => setRestarted(true)), []);
  if (!restarted) return null;
  return (
    <p role="alert" className="error">
      {t('jobs.restarted')}{' '}
      <button type="button" onClick={() => setRestarted(false)} aria-label="OK">
        OK
      </button>
    </p>
  );
}
