import { useCallback, useEffect, useState } from 'react';
import type { Product, TermsView } from '../../../shared/contract/catalogue';
import { formatBps, formatRupiah } from '../../../shared/money';
import { formatLocalDate, toLocalDate } from '../../../shared/domain/time';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useManagerApproval } from '../staff/ManagerPinDialog';
import { EMPTY_TERMS, TermsFields, type TermsDraft } from './TermsFields';
import { termsFromDraft } from './termsDraft';
import { bpsToPercentText, errorText } from './util';
import { ErrorAlert } from '../../components/FormParts';
import { DateInput } from '../../components/DateInput';

export function termsText(terms: TermsView, t: ReturnType<typeof useI18n>['t']): string {
  return terms.mode === 'fixed'
    ? t('catalogue.terms.fixedText', { price: formatRupiah(terms.producerPrice ?? 0) })
    : t('catalogue.terms.percentText', { pct: formatBps(terms.commissionBps ?? 0) });
}

/** The terms history of a product and the "change terms from a date" form (needs a manager PIN). */
export function TermsPanel({ product, onChanged }: { product: Product; onChanged(): void }) {
  const { t, lang } = useI18n();
  const [history, setHistory] = useState<TermsView[]>([]);
  const [today, setToday] = useState(toLocalDate(new Date(), 'Asia/Jakarta'));
  const current = product.terms;
  const [draft, setDraft] = useState<TermsDraft>(
    current
      ? {
          retailPrice: String(current.retailPrice),
          mode: current.mode,
          producerPrice: current.producerPrice === null ? '' : String(current.producerPrice),
          commission: current.commissionBps === null ? '' : bpsToPercentText(current.commissionBps),
        }
      : EMPTY_TERMS,
  );
  const [from, setFrom] = useState(today);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { ask, dialog } = useManagerApproval();

  const load = useCallback(async () => {
    setHistory(await call('terms.history', { productId: product.id }));
  }, [product.id]);
  useEffect(() => {
    void load();
    void call('settings.get', {}).then((s) => {
      const d = toLocalDate(new Date(), s.timeZone);
      setToday(d);
      setFrom((f) => (f < d ? d : f));
    });
  }, [load]);

  const submit = async () => {
    setError(null);
    setNotice(null);
    const approval = await ask(t('catalogue.terms.approvalTitle'));
    if (!approval) return;
    try {
      const saved = await call('terms.change', { productId: product.id, effectiveFrom: from, ...termsFromDraft(draft), approval, ...(reason ? { reason } : {}) });
      setNotice(t('catalogue.terms.changed', { date: formatLocalDate(saved.effectiveFrom, lang) }));
      setReason('');
      await load();
      onChanged();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section className="panel stack" aria-label={t('catalogue.terms.title')}>
      <h3>
        {t('catalogue.terms.title')} — {product.name}
      </h3>
      <table aria-label={t('catalogue.terms.history')}>
        <thead>
          <tr>
            <th>{t('catalogue.terms.from')}</th>
            <th className="num">{t('catalogue.terms.retailPrice')}</th>
            <th>{t('catalogue.terms.deal')}</th>
            <th>{t('catalogue.terms.status')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.id}>
              <td>{formatLocalDate(h.effectiveFrom, lang)}</td>
              <td className="num">{formatRupiah(h.retailPrice)}</td>
              <td>{termsText(h, t)}</td>
              <td>
                {current?.id === h.id ? (
                  <span className="badge ok">{t('catalogue.terms.current')}</span>
                ) : h.effectiveFrom > today ? (
                  <span className="badge warn">{t('catalogue.terms.scheduled')}</span>
                ) : (
                  <span className="muted">{t('catalogue.terms.past')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="stack"
        aria-label={t('catalogue.terms.changeTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h4>{t('catalogue.terms.changeTitle')}</h4>
        <div className="row">
          <label>
            {t('catalogue.terms.effectiveFrom')}
            <DateInput value={from} min={today} onChange={setFrom} aria-label={t('catalogue.terms.effectiveFrom')} />
          </label>
          <label className="grow">
            {t('catalogue.terms.reason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('catalogue.terms.reason')} maxLength={200} />
          </label>
        </div>
        <TermsFields value={draft} onChange={setDraft} idPrefix={`change-${product.id}`} />
        <p className="muted">{t('catalogue.terms.explain')}</p>
        <ErrorAlert error={error} />
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary">
            {t('catalogue.terms.changeButton')}
          </button>
        </div>
      </form>
      {dialog}
    </section>
  );
}
