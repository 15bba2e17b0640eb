import { useEffect, useRef, useState } from 'react';
import type { Producer } from '../../../shared/contract/catalogue';
import type { ProducerReturn, ReturnReason, StockRow } from '../../../shared/contract/stock';
import { call } from '../../api';
import { allPages } from '../../allPages';
import { useT } from '../../i18n';
import { errorText, parseCount } from '../catalogue/util';
import type { ReturnDraftLine } from './ExpiryLists';
import { FormActions, PanelForm, useSaving } from '../../components/FormParts';
import { ProducerSelect } from '../../components/ProducerSelect';
import { HandoverFields, useDraftLines } from './FormFields';
import { DateInput } from '../../components/DateInput';
import { ActionsHeader } from '../../components/ActionsHeader';

interface Line {
  key: number;
  productId: number | null;
  quantity: string;
  reason: ReturnReason;
  expiryDate: string;
}

const REASONS: ReturnReason[] = ['unsold', 'expired', 'damaged'];

/** Retur ke produsen: goods handed back (unsold, expired, damaged); stock goes down, no money moves. */
export function ReturnForm({ producers, initial, onSaved }: { producers: Producer[]; initial: { producerId: number; lines: ReturnDraftLine[] } | null; onSaved(r: ProducerReturn): void }) {
  const t = useT();
  const [producerId, setProducerId] = useState<number | null>(initial?.producerId ?? null);
  const [stock, setStock] = useState<StockRow[]>([]);
  const { lines, setLines, add, update, remove } = useDraftLines<Line>(
    () => initial?.lines.map((l) => ({ productId: l.productId, quantity: String(l.quantity), reason: l.reason, expiryDate: l.expiryDate ?? '' })) ?? [],
  );
  const [receivedBy, setReceivedBy] = useState('');
  const [notes, setNotes] = useState('');
  const { error, setError, busy, run } = useSaving();
  const first = useRef(true);

  useEffect(() => {
    if (!first.current) setLines([]);
    first.current = false;
    if (producerId === null) return setStock([]);
    // A producer chosen quickly after another: only the last one's stock lands.
    let live = true;
    void allPages('stock.list', { producerId }).then(
      (list) => live && setStock(list),
      (err) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [producerId, setError, setLines]);

  const save = async () => {
    if (producerId === null) return;
    await run(async () => {
      const saved = await call('returns.create', {
        producerId,
        lines: lines.map((l) => ({
          productId: l.productId ?? Number.NaN,
          quantity: parseCount(l.quantity) ?? Number.NaN,
          reason: l.reason,
          ...(l.expiryDate ? { expiryDate: l.expiryDate } : {}),
        })),
        ...(receivedBy.trim() ? { receivedBy } : {}),
        ...(notes.trim() ? { notes } : {}),
      });
      onSaved(saved);
    });
  };

  return (
    <PanelForm title={t('stock.return.title')} onSubmit={() => void save()}>
      <ProducerSelect label={t('stock.intake.producer')} emptyLabel={t('stock.intake.chooseProducer')} producers={producers} value={producerId} onChange={setProducerId} />
      <table aria-label={t('stock.intake.lines')}>
        <thead>
          <tr>
            <th>{t('stock.print.product')}</th>
            <th className="num">{t('stock.print.qty')}</th>
            <th>{t('stock.print.reason')}</th>
            <th>{t('stock.print.expiry')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={l.key}>
              <td>
                <select value={l.productId ?? ''} onChange={(e) => update(l.key, { productId: e.target.value ? Number(e.target.value) : null })} aria-label={t('stock.return.productOf', { n: i + 1 })}>
                  <option value="">—</option>
                  {stock.map((s) => (
                    <option key={s.productId} value={s.productId}>
                      {s.productName} ({t('stock.return.inStock', { n: s.onHand })})
                    </option>
                  ))}
                </select>
              </td>
              <td className="num">
                <input className="qty" inputMode="numeric" value={l.quantity} onChange={(e) => update(l.key, { quantity: e.target.value })} aria-label={t('stock.return.qtyOf', { n: i + 1 })} />
              </td>
              <td>
                <select value={l.reason} onChange={(e) => update(l.key, { reason: e.target.value as ReturnReason })} aria-label={t('stock.return.reasonOf', { n: i + 1 })}>
                  {REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`stock.reason.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <DateInput value={l.expiryDate} onChange={(v) => update(l.key, { expiryDate: v })} aria-label={t('stock.return.expiryOf', { n: i + 1 })} />
              </td>
              <td>
                <button type="button" onClick={() => remove(l.key)} aria-label={t('stock.return.removeOf', { n: i + 1 })}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" disabled={producerId === null} onClick={() => add({ productId: null, quantity: '1', reason: 'unsold', expiryDate: '' })}>
          + {t('stock.return.addLine')}
        </button>
      </div>
      <HandoverFields whoLabel={t('stock.print.takenBy')} who={receivedBy} onWho={setReceivedBy} notes={notes} onNotes={setNotes} />
      <p className="muted">{t('stock.return.explain')}</p>
      <FormActions error={error} submitLabel={t('stock.return.save')} submitDisabled={busy || producerId === null || lines.length === 0} />
    </PanelForm>
  );
}
