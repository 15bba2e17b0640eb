import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { StaffMember } from '../../../shared/contract/till';
import { call } from '../../api';
import { useT } from '../../i18n';
import { ModalForm, errorText } from './Modal';
import { PinPad, onlyDigits } from './PinPad';
import { useOptionalSession } from './session';
import { FormActions } from '../../components/FormParts';

export interface ManagerApproval {
  staffId: number;
  pin: string;
}

/**
 * Asks for a manager's PIN at the moment of a sensitive action. The PIN is
 * checked with `auth.approve` before it resolves; the action checks it again.
 */
export function ManagerPinDialog({ title, onResolve, onCancel }: { title: string; onResolve(a: ManagerApproval): void; onCancel(): void }) {
  const t = useT();
  const session = useOptionalSession();
  const [managers, setManagers] = useState<StaffMember[] | null>(null);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  /** The manager chosen by default, once the list has arrived. */
  const defaultManager = useRef<Promise<number | null>>(Promise.resolve(null));

  useEffect(() => {
    defaultManager.current = call('staff.list', {})
      .then((list) => {
        const ms = list.filter((s) => s.role === 'manager' && s.active);
        setManagers(ms);
        const me = session?.staff.role === 'manager' ? ms.find((m) => m.id === session.staff.id) : undefined;
        const id = (me ?? ms[0])?.id ?? null;
        setStaffId(id);
        pinRef.current?.focus();
        return id;
      })
      .catch((err) => {
        setError(errorText(err));
        return null;
      });
  }, [session]);

  const submit = async () => {
    if (pin.length < 4 || busy) return;
    setBusy(true);
    setError(null);
    try {
      // On a slow machine the PIN can be typed and entered before the list of
      // managers has arrived: wait for the default manager instead of dropping
      // the Enter (which is also why the button is not disabled while it loads:
      // a form whose submit button is disabled ignores Enter altogether).
      const approver = staffId ?? (await defaultManager.current);
      if (approver === null) return;
      await call('auth.approve', { staffId: approver, pin });
      onResolve({ staffId: approver, pin });
    } catch (err) {
      setError(errorText(err));
      setPin('');
      pinRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalForm title={title} onClose={onCancel} onSubmit={() => void submit()}>
      <p className="muted">{t('till.approval.explain')}</p>
      <label>
        {t('till.approval.manager')}
        <select value={staffId ?? ''} onChange={(e) => setStaffId(Number(e.target.value))} aria-label={t('till.approval.manager')}>
          {managers?.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('till.approval.pin')}
        <input
          ref={pinRef}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
          value={pin}
          onChange={(e) => setPin(onlyDigits(e.target.value))}
          aria-label={t('till.approval.pin')}
        />
      </label>
      <PinPad value={pin} onChange={setPin} disabled={busy} />
      <FormActions error={error} submitLabel={t('till.approval.approve')} submitDisabled={busy || pin.length < 4} onCancel={onCancel} />
    </ModalForm>
  );
}

/**
 * `const { ask, dialog } = useManagerApproval()`: render `dialog`, then
 * `await ask(title)` resolves with the approval, or null when cancelled.
 */
export function useManagerApproval(): { ask(title: string): Promise<ManagerApproval | null>; dialog: ReactNode } {
  const [pending, setPending] = useState<{ title: string; resolve(a: ManagerApproval | null): void } | null>(null);
  const ask = useCallback((title: string) => new Promise<ManagerApproval | null>((resolve) => setPending({ title, resolve })), []);
  const dialog = pending ? (
    <ManagerPinDialog
      title={pending.title}
      onResolve={(a) => {
        setPending(null);
        pending.resolve(a);
      }}
      onCancel={() => {
        setPending(null);
        pending.resolve(null);
      }}
    />
  ) : null;
  return { ask, dialog };
}
