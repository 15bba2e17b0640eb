import { useState } from 'react';
import type { StoreSettings } from '../../../shared/contract/system';
import type { Shift, ShiftReport } from '../../../shared/contract/till';
import { formatRupiah, parseRupiah } from '../../../shared/money';
import { call } from '../../api';
import { useT } from '../../i18n';
import { ZReport } from '../../print/ZReport';
import { errorText } from '../staff/Modal';
import { useManagerApproval } from '../staff/ManagerPinDialog';
import { useSession } from '../staff/session';
import { ErrorAlert } from '../../components/FormParts';

/** Closing the shift with the counted cash (prints the Z report); an X report at any time. */
export function ShiftClose({ shift, settings, onBack, onClosed }: { shift: Shift; settings: StoreSettings; onBack(): void; onClosed(report: ShiftReport): void }) {
  const t = useT();
  const { staff } = useSession();
  const [xReport, setXReport] = useState<ShiftReport | null>(null);
  const [countedText, setCountedText] = useState('');
  const approval = useManagerApproval();
  // Another cashier closing a shift they found open needs a manager's PIN (SPEC §5: a shift is its cashier's).
  const needsApproval = staff.id !== shift.cashierId && staff.role !== 'manager';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const counted = parseRupiah(countedText);

  const loadX = async () => {
    setError(null);
    try {
      setXReport(await call('shifts.xReport', { shiftId: shift.id }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const close = async () => {
    if (counted === null) return setError(t('till.close.badCount'));
    const approved = needsApproval ? await approval.ask(t('till.close.title', { id: shift.id })) : null;
    if (needsApproval && !approved) return;
    setBusy(true);
    setError(null);
    try {
      onClosed(await call('shifts.close', { shiftId: shift.id, countedCash: counted, ...(approved ? { approval: approved } : {}) }));
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <div className="row no-print">
        <button type="button" onClick={onBack}>
          ← {t('till.back.register')}
        </button>
        <button type="button" onClick={() => void loadX()}>
          {t('till.close.xReport')}
        </button>
      </div>
      <form
        className="panel stack close-shift no-print"
        onSubmit={(e) => {
          e.preventDefault();
          void close();
        }}
      >
        <h1>{t('till.close.title', { id: shift.id })}</h1>
        <p className="muted">{t('till.close.explain')}</p>
        <label>
          {t('till.close.counted')}
          <input autoFocus inputMode="numeric" value={countedText} onChange={(e) => setCountedText(e.target.value)} aria-label={t('till.close.counted')} />
        </label>
        {counted !== null && <span className="muted">{formatRupiah(counted)}</span>}
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy || counted === null}>
          {t('till.close.submit')}
        </button>
      </form>
      {approval.dialog}
      {xReport && <ZReport report={xReport} paper={settings.receiptWidth} timeZone={settings.timeZone} storeName={settings.storeName} />}
    </div>
  );
}
