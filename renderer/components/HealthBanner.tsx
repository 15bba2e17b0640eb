import { useCallback, useEffect, useState } from 'react';
import type { StoreHealth } from '../../shared/contract/system';
import { call } from '../api';
import { useI18n } from '../i18n';
import { ManagerPinDialog, type ManagerApproval } from '../features/staff/ManagerPinDialog';
import { formatBytes } from './formatBytes';
import './healthBanner.css';

/** How often the banner asks the core; a fault shows within this long on every screen. */
export const HEALTH_POLL_MS = 10_000;

/**
 * The banner on every screen (SPEC §9): a full disk, a read-only data folder,
 * low free space, and the background checks' findings (with the manager's
 * "looked at it" button that lets the next settlement finalise go ahead).
 */
export function HealthBanner() {
  const { t, lang } = useI18n();
  const [health, setHealth] = useState<StoreHealth | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    call('system.status', {}).then(
      (s) => setHealth(s.health ?? null),
      () => undefined, // the screens say when the core cannot be reached
    );
  }, []);
  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, HEALTH_POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const acknowledge = async (approval: ManagerApproval) => {
    setAsking(false);
    try {
      const s = await call('system.acknowledgeChecks', { approval });
      setHealth(s.health ?? null);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  if (!health) return null;
  const findings = health.checks.state === 'findings' && !health.checks.acknowledged;
  const messages: { key: string; level: 'danger' | 'warn'; text: string }[] = [];
  if (health.diskFull) messages.push({ key: 'full', level: 'danger', text: t('safety.diskFull') });
  if (health.readOnly) messages.push({ key: 'ro', level: 'danger', text: t('safety.readOnly') });
  if (health.lowSpace && !health.diskFull) {
    messages.push({
      key: 'low',
      level: 'warn',
      text: t('safety.lowSpace', { free: formatBytes(health.lowSpace.freeBytes, lang), needed: formatBytes(health.lowSpace.neededBytes, lang) }),
    });
  }
  if (findings) {
    const list = health.checks.findings.slice(0, 2).map((f) => f[lang]).join('; ');
    messages.push({ key: 'checks', level: 'danger', text: t('safety.findings', { list }) });
  }
  if (messages.length === 0 && !error) return null;
  return (
    <div className="health-banner no-print" role="alert" aria-label={t('safety.banner.label')}>
      {messages.map((m) => (
        <p key={m.key} className={`health-${m.level}`}>
          <span>{m.text}</span>
          {m.key === 'checks' && (
            <button type="button" onClick={() => setAsking(true)}>
              {t('safety.acknowledge')}
            </button>
          )}
        </p>
      ))}
      {error && <p className="health-danger">{error}</p>}
      {asking && <ManagerPinDialog title={t('safety.acknowledgeTitle')} onResolve={(a) => void acknowledge(a)} onCancel={() => setAsking(false)} />}
    </div>
  );
}
