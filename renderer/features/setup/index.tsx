import { useState } from 'react';
import type { StoreStatus } from '../../../shared/contract/system';
import { call } from '../../api';
import { useI18n, useT } from '../../i18n';
import { BackupPanel } from '../settings/BackupPanel';
import '../settings/settings.css';
import { DEMO_CASHIER, DEMO_MANAGER } from '../../../shared/domain/demo';

/** First run: name the store, then choose the demo store or an empty one (`setup.complete`, once). */
export function SetupScreen({ status, onDone }: { status: StoreStatus; onDone(): void }) {
  const t = useT();
  const [step, setStep] = useState<1 | 2>(1);
  const [storeName, setStoreName] = useState('');
  const [mode, setMode] = useState<'demo' | 'empty'>('demo');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const finish = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('setup.complete', { mode, storeName: storeName.trim() });
      onDone();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <main className="setup stack" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('system.setup.title')}</h1>
      <p>{t('system.setup.intro')}</p>
      {step === 1 ? (
        <form
          className="panel stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (storeName.trim()) setStep(2);
          }}
        >
          <h2>{t('system.setup.step1')}</h2>
          <label>
            {t('system.setup.storeName')}
            <input autoFocus required maxLength={80} value={storeName} onChange={(e) => setStoreName(e.target.value)} placeholder="Toko UKM Telang" />
            <small className="muted">{t('system.setup.storeNameHint')}</small>
          </label>
          <div className="row">
            <button type="submit" className="primary" disabled={!storeName.trim()}>
              {t('system.setup.next')}
            </button>
          </div>
        </form>
      ) : (
        <form
          className="panel stack"
          onSubmit={(e) => {
            e.preventDefault();
            void finish();
          }}
        >
          <h2>{t('system.setup.step2')}</h2>
          <fieldset className="setup-choices" disabled={busy}>
            <legend className="sr-only">{t('system.setup.step2')}</legend>
            <label className="setup-choice">
              <input type="radio" name="mode" value="demo" checked={mode === 'demo'} onChange={() => setMode('demo')} />
              <span>
                <strong>{t('system.setup.demo')}</strong>
                {t('system.setup.demoHint')}
                <span className="demo-pins">
                  {t('system.setup.demoPins', {
                    manager: DEMO_MANAGER.name,
                    managerPin: DEMO_MANAGER.pin,
                    cashier: DEMO_CASHIER.name,
                    cashierPin: DEMO_CASHIER.pin,
                  })}
                </span>
              </span>
            </label>
            <label className="setup-choice">
              <input type="radio" name="mode" value="empty" checked={mode === 'empty'} onChange={() => setMode('empty')} />
              <span>
                <strong>{t('system.setup.empty')}</strong>
                {t('system.setup.emptyHint')}
              </span>
            </label>
          </fieldset>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="row">
            <button type="button" onClick={() => setStep(1)} disabled={busy}>
              {t('common.back')}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('system.setup.working') : t('system.setup.start')}
            </button>
          </div>
        </form>
      )}
      <p className="muted">{t('system.setup.dataDir', { dir: status.dataDir })}</p>
    </main>
  );
}

/** The store failed its start-up checks: why, where the data is, and the way out (restore a backup). */
export function RefusedScreen({ status, onRestored }: { status: StoreStatus; onRestored?(): void }) {
  const { t, lang } = useI18n();
  const [restored, setRestored] = useState(false);
  return (
    <main className="refused stack" aria-labelledby="refused-title">
      <h1 id="refused-title">{t('system.refused.title')}</h1>
      <p role="alert" className="error">
        {t('system.refused.intro')}
      </p>
      <dl className="panel">
        <dt>{t('system.refused.reason')}</dt>
        <dd>{status.reasonText?.[lang] ?? status.reason}</dd>
        <dt>{t('system.refused.dataDir')}</dt>
        <dd>
          <code>{status.dataDir}</code>
        </dd>
      </dl>
      {restored ? (
        <p className="notice" role="status">
          {t('system.refused.restored')}
        </p>
      ) : (
        <BackupPanel
          refused
          onRestored={() => {
            setRestored(true);
            if (onRestored) onRestored();
            else window.location.reload();
          }}
        />
      )}
    </main>
  );
}
