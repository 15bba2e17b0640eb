import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { StoreSettings } from '../../../shared/contract/system';
import type { ReceiptData, RefundReceiptData, Sale, Shift } from '../../../shared/contract/till';
import { RefundReceipt } from '../../print/RefundReceipt';
import { formatLocalDateTime } from '../../../shared/domain/time';
import { formatRupiah } from '../../../shared/money';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { Receipt, methodKey, receiptNumber } from '../../print/Receipt';
import { errorText } from '../staff/Modal';
import { useManagerApproval } from '../staff/ManagerPinDialog';
import { RefundDialog, VoidDialog } from './correctionDialogs';
import { ErrorAlert } from '../../components/FormParts';
import { Pager } from '../../components/Pager';
import type { Page } from '../../../shared/contract/paging';

/** The shift's sales, newest first: reprint, void (same shift), refund; an older sale is found by its receipt number. */
export function SalesList({ shift, settings, onBack }: { shift: Shift; settings: StoreSettings; onBack(): void }) {
  const { t, lang } = useI18n();
  const [salesPage, setSalesPage] = useState<Page<Sale> | null>(null);
  const [offset, setOffset] = useState(0);
  const sales = salesPage?.rows ?? null;
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [found, setFound] = useState<Sale | null>(null);
  const [receiptNo, setReceiptNo] = useState('');
  const [reprint, setReprint] = useState<ReceiptData | null>(null);
  const [refundSlip, setRefundSlip] = useState<RefundReceiptData | null>(null);
  const [action, setAction] = useState<{ kind: 'void' | 'refund'; sale: Sale } | null>(null);
  const approval = useManagerApproval();

  const load = useCallback(async () => {
    try {
      setSalesPage(await call('sales.list', { shiftId: shift.id, offset }));
    } catch (err) {
      setError(errorText(err));
    }
  }, [shift.id, offset]);
  useEffect(() => {
    void load();
  }, [load]);
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]') && !reprint) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack, reprint]);

  const find = async () => {
    setError(null);
    try {
      setFound(await call('sales.findByReceipt', { receiptNo: Number(receiptNo) }));
    } catch (err) {
      setFound(null);
      setError(errorText(err));
    }
  };
  const showReprint = async (sale: Sale) => {
    setError(null);
    try {
      setReprint(await call('sales.receipt', { saleId: sale.id }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const finished = async (message: string) => {
    setAction(null);
    setNotice(message);
    await load();
    if (found) setFound(await call('sales.get', { id: found.id }).catch(() => null));
  };

  // Every refund prints its numbered refund receipt (struk retur) at once; the screen shows it until "Done".
  if (refundSlip)
    return (
      <RefundReceipt
        data={refundSlip}
        timeZone={settings.timeZone}
        autoPrint
        actions={
          <button type="button" autoFocus onClick={() => setRefundSlip(null)}>
            {t('till.refundReceipt.close')}
          </button>
        }
      />
    );
  if (reprint)
    return (
      <div className="stack">
        <Receipt
          data={reprint}
          timeZone={settings.timeZone}
          copy
          actions={
            <button type="button" autoFocus onClick={() => setReprint(null)}>
              {t('common.back')}
            </button>
          }
        />
      </div>
    );

  const row = (s: Sale) => {
    const refunded = s.refunds.reduce((sum, r) => sum + r.amount, 0);
    return (
      <tr key={s.id}>
        <td>{receiptNumber(s.receiptNo)}</td>
        <td>{formatLocalDateTime(s.createdAt, settings.timeZone, lang)}</td>
        <td>{s.lines.map((l) => `${l.quantity}× ${l.productName}`).join(', ')}</td>
        <td className="num">{formatRupiah(s.total)}</td>
        <td>{t(methodKey(s.payment.method))}</td>
        <td>
          {s.status === 'voided' ? (
            <span className="badge danger">{t('till.sales.voided')}</span>
          ) : refunded > 0 ? (
            <span className="badge warn">{t('till.sales.refunded', { amount: formatRupiah(refunded) })}</span>
          ) : (
            <span className="badge ok">{t('till.sales.completed')}</span>
          )}
        </td>
        <td>
                <div className="row-actions">
          <button type="button" onClick={() => void showReprint(s)} aria-label={t('till.sales.reprintOf', { no: receiptNumber(s.receiptNo) })}>
            {t('till.sales.reprint')}
          </button>
          <button
            type="button"
            disabled={s.status === 'voided' || s.shiftId !== shift.id || refunded > 0}
            onClick={() => setAction({ kind: 'void', sale: s })}
            aria-label={t('till.sales.voidOf', { no: receiptNumber(s.receiptNo) })}
          >
            {t('till.sales.void')}
          </button>
          <button type="button" disabled={s.status === 'voided'} onClick={() => setAction({ kind: 'refund', sale: s })} aria-label={t('till.sales.refundOf', { no: receiptNumber(s.receiptNo) })}>
            {t('till.sales.refund')}
          </button>
        </div>
              </td>
      </tr>
    );
  };

  const table = (list: Sale[], label: string) => (
    <table aria-label={label}>
      <thead>
        <tr>
          <th>{t('till.sales.no')}</th>
          <th>{t('till.sales.time')}</th>
          <th>{t('till.sales.items')}</th>
          <th className="num">{t('till.sales.total')}</th>
          <th>{t('till.sales.method')}</th>
          <th>{t('till.sales.status')}</th>
          <th>{t('till.cart.actions')}</th>
        </tr>
      </thead>
      <tbody>{list.map(row)}</tbody>
    </table>
  );

  return (
    <div className="stack sales-list">
      <div className="row">
        <button type="button" onClick={onBack}>
          ← {t('till.back.register')} (Esc)
        </button>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void find();
          }}
        >
          <label>
            {t('till.sales.findLabel')}
            <input inputMode="numeric" value={receiptNo} onChange={(e) => setReceiptNo(e.target.value.replace(/\D/g, ''))} aria-label={t('till.sales.findLabel')} />
          </label>
          <button type="submit" disabled={!receiptNo}>
            {t('common.search')}
          </button>
        </form>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorAlert error={error} />
      {found && table([found], t('till.sales.found'))}
      <h1>{t('till.sales.title', { id: shift.id })}</h1>
      <Pager page={salesPage} onOffset={setOffset} list={t('till.sales.title', { id: shift.id })} />
      {sales === null ? <p>{t('app.loading')}</p> : sales.length === 0 ? <p className="muted">{t('till.sales.none')}</p> : table(sales, t('till.sales.title', { id: shift.id }))}
      {action?.kind === 'void' && (
        <VoidDialog sale={action.sale} askApproval={approval.ask} onClose={() => setAction(null)} onDone={(s) => void finished(t('till.void.done', { no: receiptNumber(s.receiptNo) }))} />
      )}
      {action?.kind === 'refund' && (
        <RefundDialog sale={action.sale} askApproval={approval.ask} onClose={() => setAction(null)} onDone={(r) => {
            void finished(t('till.refund.done', { amount: formatRupiah(r.amount) }));
            call('sales.refundReceipt', { refundId: r.id }).then(setRefundSlip, (err: unknown) => setError(errorText(err)));
          }} />
      )}
      {approval.dialog}
    </div>
  );
}
