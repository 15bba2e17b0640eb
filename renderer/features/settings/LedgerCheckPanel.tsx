import { useState } from 'react';
import type { LedgerVerifyResult } from '../../../shared/contract/ledger';
import { call } from '../../api';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useI18n } from '../../i18n';

/** `ledger.verify` of every producer, with its progress bar and Cancel; the till keeps selling meanwhile. */
export function LedgerCheckPanel() {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'notice' | 'error'; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result: LedgerVerifyResult = await call('ledger.verify', {});
      const number = (n: number) => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
      setMessage(
        result.ok
          ? { kind: 'notice', text: t('jobs.verify.ok', { entries: number(result.entriesChecked), producers: number(result.producersChecked) }) }
          : { kind: 'error', text: t('jobs.verify.broken', { count: result.problems.length, first: result.problems[0]?.message ?? '' }) },
      );
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel stack" aria-labelledby="ledger-check-title">
      <h2 id="ledger-check-title">{t('jobs.verify.title')}</h2>
      <p className="muted">{t('jobs.verify.intro')}</p>
      <div className="row">
        <button type="button" onClick={() => void run()} disabled={busy}>
          {t('jobs.verify.run')}
        </button>
      </div>
      <JobProgressBar methods={['ledger.verify']} />
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
    </section>
  );
}
