import { useEffect, useState, type FormEvent } from 'react';
import { SENSITIVE_SETTINGS, type StoreSettings, type StoreStatus } from '../../../shared/contract/system';
import type { Lang } from '../../../shared/i18nText';
import { call } from '../../api';
import { useI18n, type StringKey } from '../../i18n';
import { BackupPanel } from './BackupPanel';
import { LedgerCheckPanel } from './LedgerCheckPanel';
import { QrisPanel } from './QrisPanel';
import { PrintingPanel } from './PrintingPanel';
import { useManagerApproval } from '../staff/ManagerPinDialog';
import './settings.css';

const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

type Draft = Omit<StoreSettings, 'language' | 'discountLimitBps'> & { discountLimitPercent: string };

const toDraft = (s: StoreSettings): Draft => {
  const { language: _language, discountLimitBps, ...rest } = s;
  return { ...rest, discountLimitPercent: String(discountLimitBps / 100) };
};

/** Percent text to basis points, exactly (no float on the way): "12,5" -> 1250. */
function percentToBps(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** The settings screen: store header/footer, printing, regional settings, settlement rules, and backups. */
export default function SettingsScreen() {
  const { t, lang, setLang } = useI18n();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<StoreStatus | null>(null);
  const [message, setMessage] = useState<{ kind: 'notice' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // What is saved now: a change to a sensitive setting against it asks for a manager PIN.
  const [saved, setSaved] = useState<StoreSettings | null>(null);
  const approval = useManagerApproval();

  useEffect(() => {
    call('settings.get', {}).then(
      (s) => {
        setSaved(s);
        setDraft(toDraft(s));
      },
      (err: Error) => setMessage({ kind: 'error', text: err.message }),
    );
    call('system.status', {}).then(setStatus, () => undefined);
  }, []);

  if (!draft) return message ? <p className="error" role="alert">{message.text}</p> : <p className="loading">{t('app.loading')}</p>;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const discountLimitBps = percentToBps(draft.discountLimitPercent);
    if (discountLimitBps === null || discountLimitBps > 10_000) {
      setMessage({ kind: 'error', text: `${t('system.settings.discountLimit')}: 0–100` });
      return;
    }
    const { discountLimitPercent: _p, ...rest } = draft;
    const next = { ...rest, storeAddress: rest.storeAddress ?? '', storePhone: rest.storePhone ?? '', receiptFooter: rest.receiptFooter ?? '', discountLimitBps };
    const sensitive = SENSITIVE_SETTINGS.some((k) => saved !== null && next[k] !== saved[k]);
    const manager = sensitive ? await approval.ask(t('system.settings.approvalTitle')) : null;
    if (sensitive && !manager) return;
    setBusy(true);
    setMessage(null);
    try {
      const updated = await call('settings.update', { ...next, ...(manager ? { approval: manager } : {}) });
      setSaved(updated);
      setDraft(toDraft(updated));
      setMessage({ kind: 'notice', text: t('system.settings.saved') });
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const zones = TIME_ZONES.includes(draft.timeZone) ? TIME_ZONES : [draft.timeZone, ...TIME_ZONES];

  return (
    <div className="settings-screen stack">
      <h1>{t('system.settings.title')}</h1>
      <form className="stack" onSubmit={(e) => void save(e)}>
        <section className="panel stack" aria-labelledby="settings-store">
          <h2 id="settings-store">{t('system.settings.store')}</h2>
          <div className="settings-grid">
            <label>
              {t('system.settings.storeName')}
              <input required maxLength={80} value={draft.storeName} onChange={(e) => set('storeName', e.target.value)} />
            </label>
            <label>
              {t('system.settings.storeAddress')}
              <input maxLength={200} value={draft.storeAddress} onChange={(e) => set('storeAddress', e.target.value)} />
            </label>
            <label>
              {t('system.settings.storePhone')}
              <input maxLength={40} inputMode="tel" value={draft.storePhone} onChange={(e) => set('storePhone', e.target.value)} />
            </label>
            <label>
              {t('system.settings.receiptFooter')}
              <input maxLength={200} value={draft.receiptFooter} onChange={(e) => set('receiptFooter', e.target.value)} />
            </label>
            <label>
              {t('system.settings.receiptWidth')}
              <select value={draft.receiptWidth} onChange={(e) => set('receiptWidth', e.target.value as Draft['receiptWidth'])}>
                <option value="58mm">58 mm</option>
                <option value="80mm">80 mm</option>
              </select>
            </label>
            <label className="check-row">
              <input type="checkbox" checked={draft.autoPrintReceipt} onChange={(e) => set('autoPrintReceipt', e.target.checked)} />
              {t('system.settings.autoPrintReceipt')}
            </label>
            <label>
              {t('system.settings.slipLayout')}
              <select value={draft.slipLayout} onChange={(e) => set('slipLayout', e.target.value as Draft['slipLayout'])}>
                <option value="A5">A5</option>
                <option value="A4">A4</option>
                <option value="80mm">80 mm</option>
              </select>
            </label>
          </div>
        </section>

        <PrintingPanel
          shell={status?.shell ?? null}
          value={{ printerName: draft.printerName, silentPrint: draft.silentPrint, pdfFolder: draft.pdfFolder }}
          onChange={(patch) => setDraft({ ...draft, ...patch })}
        />

        <section className="panel stack" aria-labelledby="settings-regional">
          <h2 id="settings-regional">{t('system.settings.regional')}</h2>
          <div className="settings-grid">
            <label>
              {t('system.settings.language')}
              {/* Applies at once and persists through settings.update, like the switch in the top bar. */}
              <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
                <option value="id">Bahasa Indonesia</option>
                <option value="en">English</option>
              </select>
            </label>
            <label>
              {t('system.settings.timeZone')}
              <select value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </section>

        <section className="panel stack" aria-labelledby="settings-settlement">
          <h2 id="settings-settlement">{t('system.settings.settlement')}</h2>
          <div className="settings-grid">
            <label>
              {t('system.settings.periodEndWeekday')}
              <select value={draft.periodEndWeekday} onChange={(e) => set('periodEndWeekday', Number(e.target.value))}>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {t(`system.weekday.${d}` as StringKey)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('system.settings.periodEndTime')}
              <input
                value={draft.periodEndTime}
                onChange={(e) => set('periodEndTime', e.target.value)}
                pattern="([01]\d|2[0-3]):[0-5]\d|24:00"
                placeholder="24:00"
                aria-describedby="period-time-hint"
              />
              <small id="period-time-hint" className="muted">{t('system.settings.periodEndTimeHint')}</small>
            </label>
            <label>
              {t('system.settings.paymentTermDays')}
              <input type="number" min={0} max={60} step={1} value={draft.paymentTermDays} onChange={(e) => set('paymentTermDays', Number(e.target.value))} />
            </label>
            <label>
              {t('system.settings.expiringSoonDays')}
              <input type="number" min={0} max={60} step={1} value={draft.expiringSoonDays} onChange={(e) => set('expiringSoonDays', Number(e.target.value))} />
            </label>
            <label>
              {t('settings.idleLock')}
              <input type="number" min={1} max={240} step={1} value={draft.idleLockMinutes} onChange={(e) => set('idleLockMinutes', Number(e.target.value))} />
            </label>
            <label>
              {t('system.settings.shrinkageBornBy')}
              <select value={draft.shrinkageBornBy} onChange={(e) => set('shrinkageBornBy', e.target.value as Draft['shrinkageBornBy'])}>
                <option value="shop">{t('system.settings.shrinkage.shop')}</option>
                <option value="producer">{t('system.settings.shrinkage.producer')}</option>
              </select>
            </label>
            <label>
              {t('system.settings.discountLimit')}
              <input inputMode="decimal" value={draft.discountLimitPercent} onChange={(e) => set('discountLimitPercent', e.target.value)} />
            </label>
          </div>
        </section>

        {message && (
          <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {t('system.settings.save')}
          </button>
        </div>
      </form>

      {approval.dialog}
      <QrisPanel />
      <BackupPanel refused={false} timeZone={draft.timeZone} onRestored={() => window.location.reload()} />
      <LedgerCheckPanel />
      {status && <p className="muted">{t('system.settings.dataDir', { dir: status.dataDir })}</p>}
    </div>
  );
}
