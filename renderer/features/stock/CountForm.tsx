import { useEffect, useState } from 'react';
import type { Producer } from '../../../shared/contract/catalogue';
import type { StockCount, StockRow } from '../../../shared/contract/stock';
import { call } from '../../api';
import { allPages } from '../../allPages';
import { useT } from '../../i18n';
import { useManagerApproval } from '../staff/ManagerPinDialog';
import { errorText, parseCount } from '../catalogue/util';
import { FormActions, PanelForm, useSaving } from '../../components/FormParts';
import { ProducerSelect } from '../../components/ProducerSelect';

/** Stok opname: counted quantities for some or all products, reasons, then a manager's approval. */
export function CountForm({ producers, onSaved }: { producers: Producer[]; onSaved(c: StockCount): void }) {
  const t = useT();
  const [producerId, setProducerId] = useState<number | null>(null);
  const [rows, setRows] = useState<StockRow[]>([]);
  const [counted, setCounted] = useState<Record<number, string>>({});
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [notes, setNotes] = useState('');
  const { error, setError, busy, run } = useSaving();
  const { ask, dialog } = useManagerApproval();

  useEffect(() => {
    // A producer chosen quickly after another: only the last one's stock lands.
    let live = true;
    void allPages('stock.list', producerId ? { producerId } : {}).then(
      (list) => live && setRows(list),
      (err) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [producerId, setError]);

  const entered = rows.filter((r) => (counted[r.productId] ?? '').trim() !== '');
  const save = async () => {
    setError(null);
    const bad = entered.find((r) => parseCount(counted[r.productId]!) === null);
    if (bad) return setError(t('stock.count.badNumber', { name: bad.productName }));
    const approval = await ask(t('stock.count.approvalTitle'));
    if (!approval) return;
    await run(async () => {
      const saved = await call('stockCounts.create', {
        lines: entered.map((r) => ({
          productId: r.productId,
          counted: parseCount(counted[r.productId]!)!,
          ...(reasons[r.productId]?.trim() ? { reason: reasons[r.productId]! } : {}),
        })),
        approval,
        ...(notes.trim() ? { notes } : {}),
      });
      onSaved(saved);
    });
  };

  return (
    <>
    <PanelForm title={t('stock.count.title')} onSubmit={() => void save()}>
      <p className="muted">{t('stock.count.explain')}</p>
      <div className="row">
        <ProducerSelect label={t('stock.filterProducer')} emptyLabel={t('stock.allProducers')} producers={producers} value={producerId} onChange={setProducerId} />
        <button type="button" onClick={() => setCounted((c) => ({ ...Object.fromEntries(rows.map((r) => [r.productId, String(Math.max(0, r.onHand))])), ...c }))}>
          {t('stock.count.fillExpected')}
        </button>
      </div>
      <table aria-label={t('stock.count.title')}>
        <thead>
          <tr>
            <th>{t('stock.print.product')}</th>
            <th>{t('stock.print.producer')}</th>
            <th className="num">{t('stock.count.expected')}</th>
            <th className="num">{t('stock.count.counted')}</th>
            <th className="num">{t('stock.count.difference')}</th>
            <th>{t('stock.print.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const value = counted[r.productId] ?? '';
            const n = parseCount(value);
            const diff = n === null ? null : n - r.onHand;
            return (
              <tr key={r.productId}>
                <td>
                  {r.productName} <span className="muted">/ {r.unit}</span>
                </td>
                <td>{r.producerShortName}</td>
                <td className="num">{r.onHand}</td>
                <td className="num">
                  <input className="qty" inputMode="numeric" value={value} onChange={(e) => setCounted((c) => ({ ...c, [r.productId]: e.target.value }))} aria-label={t('stock.count.countedOf', { name: r.productName })} />
                </td>
                <td className="num">{diff === null ? '' : diff === 0 ? '0' : <strong className={diff < 0 ? 'short' : 'surplus'}>{diff > 0 ? `+${diff}` : diff}</strong>}</td>
                <td>
                  <input value={reasons[r.productId] ?? ''} onChange={(e) => setReasons((x) => ({ ...x, [r.productId]: e.target.value }))} aria-label={t('stock.count.reasonOf', { name: r.productName })} maxLength={200} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label>
        {t('stock.notes')}
        <input value={notes} onChange={(e) => setNotes(e.target.value)} aria-label={t('stock.notes')} maxLength={500} />
      </label>
      <FormActions error={error} submitLabel={t('stock.count.save', { n: entered.length })} submitDisabled={busy || entered.length === 0} />
    </PanelForm>
    {/* Outside the form: the approval dialog has a form of its own. */}
    {dialog}
    </>
  );
}
