import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Shift, StaffMember } from '../../../shared/contract/till';
import { call, onSessionEnded, setSession } from '../../api';
import { useIdleLock } from './idleLock';
import { useT } from '../../i18n';
import { errorText } from './Modal';
import { PinPad, onlyDigits } from './PinPad';
import { LockoutCountdown } from './LockoutCountdown';
import { SessionContext, useSession, type Session } from './session';
import './staff.css';
import { ErrorAlert } from '../../components/FormParts';

/**
 * Wraps the app: creates the first manager on a new store, otherwise shows
 * the lock screen until a staff member signs in with a PIN, and provides the
 * signed-in staff member (and the open shift) to the screens.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const t = useT();
  const [staffList, setStaffList] = useState<StaffMember[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [signedIn, setSignedIn] = useState<{ staff: StaffMember; openShift: Shift | null } | null>(null);

  const loadStaff = useCallback(async () => {
    setLoadError(null);
    try {
      setStaffList(await call('staff.list', {}));
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, []);
  useEffect(() => {
    // A reload keeps the session the core still holds; otherwise the lock screen.
    void call('auth.current', {})
      .then((current) => {
        if (current) setSignedIn(current);
      })
      .catch(() => undefined)
      .finally(() => void loadStaff());
  }, [loadStaff]);

  const signOut = useCallback(() => {
    setSignedIn(null);
    // The core ends the session too: a lock is a real sign-out, not just a hidden screen.
    void call('auth.signOut', {})
      .catch(() => undefined)
      .finally(() => setSession(null));
    void loadStaff();
  }, [loadStaff]);
  // The core ended the session (idle time, another sign-in): back to the lock screen.
  useEffect(
    () =>
      onSessionEnded(() => {
        setSignedIn(null);
        void loadStaff();
      }),
    [loadStaff],
  );
  useIdleLock(signedIn !== null, signOut);
  const refreshShift = useCallback(async () => {
    const shift = await call('shifts.current', {});
    setSignedIn((s) => (s ? { ...s, openShift: shift } : s));
    return shift;
  }, []);
  const session = useMemo<Session | null>(
    () => (signedIn ? { staff: signedIn.staff, openShift: signedIn.openShift, signOut, refreshShift } : null),
    [signedIn, signOut, refreshShift],
  );

  if (loadError)
    return (
      <main className="lock-screen">
        <ErrorAlert error={loadError} />
        <button type="button" onClick={() => void loadStaff()}>
          {t('till.lock.retry')}
        </button>
      </main>
    );
  if (!staffList) return <p className="loading">{t('app.loading')}</p>;
  if (!session) {
    const active = staffList.filter((s) => s.active);
    if (active.length === 0) return <FirstManagerForm onCreated={loadStaff} />;
    return <LockScreen staff={active} onSignedIn={setSignedIn} />;
  }
  return (
    <SessionContext.Provider value={session}>
      {children}
    </SessionContext.Provider>
  );
}

/** Who is signed in, with a button that locks the till. Shown in the app's top bar. */
export function SessionBadge() {
  const t = useT();
  const { staff, signOut } = useSession();
  return (
    <div className="session-badge no-print" role="region" aria-label={t('till.session.region')}>
      <span>
        {staff.name} · {t(staff.role === 'manager' ? 'till.role.manager' : 'till.role.cashier')}
      </span>
      <button type="button" onClick={signOut} aria-label={t('till.session.lock')}>
        {t('till.session.lock')}
      </button>
    </div>
  );
}

function FirstManagerForm({ onCreated }: { onCreated(): void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (pin.length < 4) return setError(t('till.pin.tooShort'));
    if (pin !== pin2) return setError(t('till.first.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await call('staff.create', { name, role: 'manager', pin });
      onCreated();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="lock-screen">
      <form
        className="panel stack first-manager"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h1>{t('till.first.title')}</h1>
        <p className="muted">{t('till.first.explain')}</p>
        <label>
          {t('till.staff.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus aria-label={t('till.staff.name')} maxLength={60} />
        </label>
        <label>
          {t('till.first.pin')}
          <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(onlyDigits(e.target.value))} aria-label={t('till.first.pin')} />
        </label>
        <label>
          {t('till.first.pinAgain')}
          <input type="password" inputMode="numeric" value={pin2} onChange={(e) => setPin2(onlyDigits(e.target.value))} aria-label={t('till.first.pinAgain')} />
        </label>
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy || !name.trim()}>
          {t('till.first.create')}
        </button>
      </form>
    </main>
  );
}

function LockScreen({ staff, onSignedIn }: { staff: StaffMember[]; onSignedIn(s: { staff: StaffMember; openShift: Shift | null }): void }) {
  const t = useT();
  const [chosen, setChosen] = useState<StaffMember | null>(staff.length === 1 ? staff[0]! : null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<{ text: string; throttled: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const clearError = useCallback(() => setError(null), []);
  // Back to the PIN field whenever it is usable again (after choosing a name or a refused PIN).
  useEffect(() => {
    if (chosen && !busy) pinRef.current?.focus();
  }, [chosen, busy, error]);

  const submit = async () => {
    if (!chosen || pin.length < 4 || busy) return;
    setBusy(true);
    setError(null);
    try {
      const { sessionId, ...who } = await call('auth.signIn', { staffId: chosen.id, pin });
      setSession(sessionId);
      onSignedIn(who);
    } catch (err) {
      const throttled = (err as { code?: string }).code === 'THROTTLED';
      setError({ text: errorText(err), throttled });
      setPin('');
      setBusy(false);
    }
  };

  return (
    <main className="lock-screen">
      <section className="panel stack lock-panel" aria-labelledby="lock-title">
        <h1 id="lock-title">{t('till.lock.title')}</h1>
        <div className="staff-tiles" role="group" aria-label={t('till.lock.who')}>
          {staff.map((s, i) => (
            <button
              key={s.id}
              type="button"
              className={`staff-tile${chosen?.id === s.id ? ' chosen' : ''}`}
              aria-pressed={chosen?.id === s.id}
              autoFocus={!chosen && i === 0}
              onClick={() => {
                setChosen(s);
                setError(null);
              }}
            >
              <strong>{s.name}</strong>
              <span className="muted">{t(s.role === 'manager' ? 'till.role.manager' : 'till.role.cashier')}</span>
            </button>
          ))}
        </div>
        {chosen && (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <label>
              {t('till.lock.pinFor', { name: chosen.name })}
              <input
                ref={pinRef}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={pin}
                onChange={(e) => setPin(onlyDigits(e.target.value))}
                aria-label={t('till.lock.pin')}
                disabled={busy}
              />
            </label>
            <PinPad value={pin} onChange={setPin} disabled={busy} />
            {error && (
              <p role="alert" className={error.throttled ? 'error throttled' : 'error'}>
                {error.throttled ? <LockoutCountdown key={error.text} text={error.text} onOver={clearError} /> : error.text}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy || pin.length < 4}>
              {t('till.lock.signIn')}
            </button>
          </form>
        )}
      </section>
    </main>
  );
}
