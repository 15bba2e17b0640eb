import { useState } from 'react';
import type { ReorderProducer } from '../../../shared/contract/insight';
import { useI18n } from '../../i18n';
import { centiText, orderText, type OrderLine } from './format';
import { setIntakeDraft } from './intakeDraft';

/**
 * "Pesan ulang": the producer's running-low products with the suggested
 * quantity, editable; copied as WhatsApp text or printed as a delivery request.
 */
export function ReorderPanel({
  reorder,
  storeName,
  quantities,
  setQuantities,
  onPrint,
}: {
  reorder: ReorderProducer;
  storeName: string;
  quantities: Record<number, number>;
  setQuantities(next: Record<number, number>): void;
  onPrint(): void;
}) {
  const { t, lang } = useI18n();
  const [copy, setCopy] = useState<{ kind: 'copied' } | { kind: 'fallback'; text: string } | null>(null);
  const lines: OrderLine[] = reorder.lines.map((line) => ({ line, quantity: quantities[line.productId] ?? line.quantity }));
  const interval = t('insight.days', { n: reorder.intervalDays });
  const copyText = async () => {
    const text = orderText(t, reorder.name, storeName, lines);
    try {
      await navigator.clipboard.writeText(text);
      setCopy({ kind: 'copied' });
    } catch {
      setCopy({ kind: 'fallback', text });
    }
  };
  return (
    <section className="panel stack" aria-labelledby="insight-reorder-h">
      <h2 id="insight-reorder-h">{t('insight.reorder')}</h2>
      <p className="muted insight-note">{t('insight.reorderHint', { interval })}</p>
      {lines.length === 0 ? (
        <p className="muted">{t('insight.reorderNone')}</p>
      ) : (
        <>
          <table aria-label={t('insight.reorder')}>
            <thead>
              <tr>
                <th>{t('insight.col.product')}</th>
                <th className="num">{t('insight.col.onHand')}</th>
                <th className="num">{t('insight.col.perDay')}</th>
                <th className="num">{t('insight.col.daysLeft')}</th>
                <th className="num">{t('insight.col.suggested')}</th>
                <th className="num">{t('insight.col.order')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map(({ line, quantity }) => (
                <tr key={line.productId}>
                  <td>
                    {line.name}
                    {line.perishable && <span className="muted"> · {t('insight.perishable')}</span>}
                  </td>
                  <td className="num">{line.onHand} {line.unit}</td>
                  <td className="num">{centiText(line.rateCenti, lang)}</td>
                  <td className="num">{line.daysOfStockLeft === null ? '—' : t('insight.days', { n: line.daysOfStockLeft })}</td>
                  <td className="num">{line.quantity}</td>
                  <td className="num">
                    <input
                      type="number"
                      min={0}
                      max={100000}
                      step={1}
                      className="insight-qty"
                      aria-label={t('insight.orderQty', { name: line.name })}
                      value={quantity}
                      onChange={(e) => {
                        const v = Math.max(0, Math.min(100_000, Math.floor(Number(e.target.value) || 0)));
                        setQuantities({ ...quantities, [line.productId]: v });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button type="button" className="primary" onClick={() => void copyText()}>{t('insight.copy')}</button>
            <button type="button" onClick={onPrint}>{t('insight.printRequest')}</button>
            <button
              type="button"
              onClick={() => {
                setIntakeDraft({ producerId: reorder.producerId, producerName: reorder.name, lines: lines.map((l) => ({ productId: l.line.productId, quantity: l.quantity })) });
                window.location.hash = '#/intake';
              }}
            >
              {t('insight.startIntake')}
            </button>
            {copy?.kind === 'copied' && <span role="status" className="notice">✓ {t('insight.copied')}</span>}
          </div>
          {copy?.kind === 'fallback' && (
            <label className="stack">
              {t('insight.fallback')}
              <textarea readOnly rows={8} value={copy.text} aria-label={t('insight.text')} onFocus={(e) => e.currentTarget.select()} />
            </label>
          )}
        </>
      )}
    </section>
  );
}
