import { useState } from 'react';
import type { SettlementPreview } from '../../../shared/contract/ledger';
import { formatRupiah } from '../../../shared/money';
import { useI18n } from '../../i18n';
import { periodText } from '../../print/PayoutSlipPeriod';
import { ErrorAlert } from '../../components/FormParts';
import { Modal, errorText } from '../staff/Modal';
import { useManagerApproval, type ManagerApproval } from '../staff/ManagerPinDialog';

/**
 * Finalising a week (issue #15 item 10): first say exactly what will happen —
 * the week, how many producers, the total, and that it cannot be undone — then
 * the manager's PIN on the same PIN pad as every other approval in the app.
 */
export function useFinaliseDialog(timeZone: string) {
  const { t, lang } = useI18n();
  const approval = useManagerApproval();
  const [pending, setPending] = useState<{ preview: SettlementPreview; run(a: ManagerApproval): Promise<void> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (!pending) return;
    const ok = await approval.ask(t('settle.confirm.pinTitle', { week: periodText(pending.preview.periodStartInstant, pending.preview.periodEndInstant, timeZone, lang) }));
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      await pending.run(ok);
      setPending(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const p = pending?.preview;
  const dialog = (
    <>
      {p && (
        <Modal title={t('settle.confirm.title')} onClose={() => !busy && setPending(null)}>
          <dl className="finalise-facts" data-testid="finalise-facts">
            <dt>{t('settle.confirm.week')}</dt>
            <dd>{periodText(p.periodStartInstant, p.periodEndInstant, timeZone, lang)}</dd>
            <dt>{t('settle.confirm.producers')}</dt>
            <dd>{p.producers.length}</dd>
            <dt>{t('settle.confirm.total')}</dt>
            <dd>
              <strong>{formatRupiah(p.grandTotal)}</strong>
            </dd>
          </dl>
          <p className="error" role="note">
            {t('settle.confirm.final')}
          </p>
          <ErrorAlert error={error} />
          <div className="row">
            <button type="button" className="primary" data-autofocus disabled={busy} onClick={() => void confirm()}>
              {t('settle.confirm.go')}
            </button>
            <button type="button" disabled={busy} onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </Modal>
      )}
      {approval.dialog}
    </>
  );
  return {
    ask: (preview: SettlementPreview, run: (a: ManagerApproval) => Promise<void>) => {
      setError(null);
      setPending({ preview, run });
    },
    dialog,
  };
}
