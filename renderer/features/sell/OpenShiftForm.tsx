import { useState } from 'react';
import { formatRupiah, parseRupiah } from '../../../shared/money';
import { call } from '../../api';
import { useT } from '../../i18n';
import { errorText } from '../staff/Modal';
import { useSession } from '../staff/session';
import { ErrorAlert } from '../../components/FormParts';

/** No open shift: the signed-in staff member opens one with the starting float in the drawer. */
export function OpenShiftForm() {
  const t = useT();
  const { staff, refreshShift } = useSession();
  const [floatText, setFloatText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const float = parseRupiah(floatText === '' ? '0' : floatText);
  const submit = async () => {
    if (float === null) return setError(t('till.open.badFloat'));
    setBusy(true);
    setError(null);
    try {
      await call('shifts.open', { openingFloat: float });
      await refreshShift();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <form
      className="panel stack open-shift"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h1>{t('till.open.title')}</h1>
      <p className="muted">{t('till.open.explain', { name: staff.name })}</p>
      <label>
        {t('till.open.float')}
        <input autoFocus inputMode="numeric" value={floatText} onChange={(e) => setFloatText(e.target.value)} aria-label={t('till.open.float')} placeholder="0" />
      </label>
      {float !== null && <span className="muted">{formatRupiah(float)}</span>}
      <ErrorAlert error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('till.open.submit')}
      </button>
    </form>
  );
}
