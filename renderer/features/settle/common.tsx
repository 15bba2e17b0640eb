import { ErrorAlert } from '../../components/FormParts';
import { useEffect, useRef, useState } from 'react';
import type { SettlementSummary } from '../../../shared/contract/ledger';
import type { StaffMember } from '../../../shared/contract/till';
import { formatLocalDate, formatLocalDateTime } from '../../../shared/domain/time';
import { call } from '../../api';
import { useI18n, useT } from '../../i18n';

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Status as text with a symbol and a badge style: never colour alone. */
export function StatusBadge({ s }: { s: Pick<SettlementSummary, 'state' | 'overdue' | 'daysOverdue'> }) {
  const t = useT();
  if (s.overdue) return <span className="badge danger">{t('settle.status.overdue', { days: s.daysOverdue })}</span>;
  const cls = s.state === 'paid' ? 'ok' : s.state === 'partly_paid' ? 'warn' : '';
  return <span className={`badge ${cls}`}>{t(`settle.status.${s.state}`)}</span>;
}

export function useDates() {
  const { lang } = useI18n();
  return {
    date: (d: string) => formatLocalDate(d, lang),
    dateTime: (instant: string, tz: string) => formatLocalDateTime(instant, tz, lang),
  };
}

export type Approval = { staffId: number; pin: string };

/**
 * A small manager-approval dialog: pick the manager, type the PIN. The action
 * itself checks the PIN again in the core; this only collects it.
 */
export function PinDialog({ onApprove, onCancel, busy, error }: { onApprove(a: Approval): void; onCancel(): void; busy?: boolean; error?: string | null }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [managers, setManagers] = useState<StaffMember[] | null>(null);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    call('staff.list', {})
      .then((list) => {
        const m = list.filter((s) => s.role === 'manager' && s.active);
        setManagers(m);
        setStaffId(m[0]?.id ?? null);
      })
      .catch((err) => setLoadError(errorText(err)));
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="settle-pin"
      aria-label={t('settle.pin.title')}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (staffId !== null && pin) onApprove({ staffId, pin });
        }}
      >
        <h2>{t('settle.pin.title')}</h2>
        {loadError && <p role="alert" className="error">{loadError}</p>}
        {managers && managers.length === 0 && <p role="alert" className="error">{t('settle.pin.noManager')}</p>}
        <label>
          {t('settle.pin.staff')}
          <select value={staffId ?? ''} onChange={(e) => setStaffId(Number(e.target.value))}>
            {(managers ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settle.pin.pin')}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            autoFocus
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          />
        </label>
        <ErrorAlert error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || staffId === null || pin.length < 4}>
            {t('settle.pin.confirm')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Runs an approved action: opens the PIN dialog, keeps it open with the error on refusal. */
export function useApproval() {
  const [pending, setPending] = useState<((a: Approval) => Promise<void>) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ask = (action: (a: Approval) => Promise<void>) => {
    setError(null);
    setPending(() => action);
  };
  const dialog = pending ? (
    <PinDialog
      busy={busy}
      error={error}
      onCancel={() => setPending(null)}
      onApprove={async (a) => {
        setBusy(true);
        setError(null);
        try {
          await pending(a);
          setPending(null);
        } catch (err) {
          setError(errorText(err));
        } finally {
          setBusy(false);
        }
      }}
    />
  ) : null;
  return { ask, dialog };
}

/** Saves text as a file in the browser (CSV exports). */
export { downloadText } from '../../download';

/** The store's time zone (for showing period instants in local time). */
export { useTimeZone } from '../../components/storeSettings';

/** Producers for pickers (with their ledger figures). */
export function useProducers() {
  const [list, setList] = useState<import('../../../shared/contract/ledger').ProducerBalance[]>([]);
  const reload = () => {
    call('ledger.balances', {})
      .then(setList)
      .catch(() => undefined);
  };
  useEffect(reload, []);
  return { producers: list, reload };
}
