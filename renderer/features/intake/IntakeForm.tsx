import { useEffect, useRef, useState } from 'react';
import type { Producer, Product } from '../../../shared/contract/catalogue';
import type { Intake } from '../../../shared/contract/stock';
import { call } from '../../api';
import { allPages } from '../../allPages';
import { useT } from '../../i18n';
import { errorText, parseCount } from '../catalogue/util';
import { FormActions, PanelForm, useSaving } from '../../components/FormParts';
import { ProducerSelect } from '../../components/ProducerSelect';
import { HandoverFields, useDraftLines } from '../stock/FormFields';
import { EmptyRow } from '../../components/EmptyRow';
import { DateInput } from '../../components/DateInput';
import { ActionsHeader } from '../../components/ActionsHeader';
import type { IntakeDraft } from '../insight/intakeDraft';

interface Line {
  key: number;
  product: Product;
  quantity: string;
  expiryDate: string;
  /** A perishable delivered without a date, on purpose (SPEC §3). */
  noExpiryDate?: boolean;
}

/** Receiving: one producer, products scanned (barcode or short code + Enter) or picked, quantities, expiry dates. */
export function IntakeForm({ onSaved, draft }: { onSaved(intake: Intake): void; /** Prefilled from a reorder list; saved only when confirmed. */ draft?: IntakeDraft | null }) {
  const t = useT();
  const [producers, setProducers] = useState<Producer[]>([]);
  const [producerId, setProducerId] = useState<number | null>(draft?.producerId ?? null);
  const pendingDraft = useRef(draft ?? null);
  const [products, setProducts] = useState<Product[]>([]);
  const { lines, setLines, withKey, update, remove } = useDraftLines<Line>();
  const [scan, setScan] = useState('');
  const [deliveredBy, setDeliveredBy] = useState('');
  const [notes, setNotes] = useState('');
  const { error, setError, busy, run } = useSaving();
  const scanRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void allPages('producers.list', {}).then(setProducers, (err) => setError(errorText(err)));
  }, [setError]);
  useEffect(() => {
    setLines([]);
    if (producerId === null) return setProducts([]);
    // A producer chosen quickly after another: only the last one's products land.
    let live = true;
    void allPages('products.list', { producerId }).then((list) => {
      if (!live) return;
      setProducts(list);
      const d = pendingDraft.current;
      pendingDraft.current = null;
      if (d && d.producerId === producerId) {
        setLines(
          d.lines.flatMap((l) => {
            const product = list.find((p) => p.id === l.productId);
            return product && l.quantity > 0 ? [withKey({ product, quantity: String(l.quantity), expiryDate: '' })] : [];
          }),
        );
      }
    }, (err) => live && setError(errorText(err)));
    scanRef.current?.focus();
    return () => {
      live = false;
    };
  }, [producerId, setError, setLines, withKey]);

  const addProduct = (product: Product) => {
    setError(null);
    setLines((ls) => {
      const existing = ls.find((l) => l.product.id === product.id && l.expiryDate === '');
      if (existing) return ls.map((l) => (l === existing ? { ...l, quantity: String((parseCount(l.quantity) ?? 0) + 1) } : l));
      return [...ls, withKey({ product, quantity: '1', expiryDate: '' })];
    });
  };

  const onScan = async () => {
    const code = scan.trim();
    if (!code) return;
    setScan('');
    const local = products.find((p) => p.barcode === code) ?? products.find((p) => p.shortCode === code);
    if (local) return addProduct(local);
    try {
      const found = await call('products.lookup', { code });
      if (!found) return setError(t('stock.intake.notFound', { code }));
      if (found.producerId !== producerId) return setError(t('stock.intake.otherProducer', { name: found.name }));
      const full = products.find((p) => p.id === found.id) ?? (await call('products.get', { id: found.id }));
      addProduct(full);
    } catch (err) {
      setError(errorText(err));
    }
  };

  const save = async () => {
    if (producerId === null) return;
    await run(async () => {
      const intake = await call('intakes.create', {
        producerId,
        lines: lines.map((l) => ({
          productId: l.product.id,
          quantity: parseCount(l.quantity) ?? Number.NaN,
          ...(l.expiryDate ? { expiryDate: l.expiryDate } : l.noExpiryDate ? { noExpiryDate: true as const } : {}),
        })),
        ...(deliveredBy.trim() ? { deliveredBy } : {}),
        ...(notes.trim() ? { notes } : {}),
      });
      onSaved(intake);
    });
  };

  const total = lines.reduce((s, l) => s + (parseCount(l.quantity) ?? 0), 0);
  return (
    <PanelForm title={t('stock.intake.formTitle')} showTitle={false} onSubmit={() => void save()}>
      <div className="row">
        <ProducerSelect className="grow" label={t('stock.intake.producer')} emptyLabel={t('stock.intake.chooseProducer')} producers={producers} value={producerId} onChange={setProducerId} />
        <label className="grow">
          {t('stock.intake.scan')}
          <input
            ref={scanRef}
            value={scan}
            disabled={producerId === null}
            onChange={(e) => setScan(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void onScan();
              }
            }}
            aria-label={t('stock.intake.scan')}
            placeholder={t('stock.intake.scanHint')}
            autoComplete="off"
          />
        </label>
      </div>
      {products.length > 0 && (
        <div className="pick-grid" role="group" aria-label={t('stock.intake.pick')}>
          {products.map((p) => (
            <button key={p.id} type="button" className="pick-tile" style={{ borderLeftColor: p.tileColor ?? 'var(--line)' }} onClick={() => addProduct(p)} aria-label={t('stock.intake.addProduct', { name: p.name })}>
              <strong>{p.name}</strong>
              <span className="muted">
                {p.shortCode ?? ''} · {p.unit}
              </span>
            </button>
          ))}
        </div>
      )}
      <table aria-label={t('stock.intake.lines')}>
        <thead>
          <tr>
            <th>{t('stock.print.product')}</th>
            <th className="num">{t('stock.print.qty')}</th>
            <th>{t('stock.print.expiry')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key}>
              <td>
                {l.product.name} <span className="muted">/ {l.product.unit}</span>
                {l.product.perishable && <span className="badge warn">{t('catalogue.product.perishableBadge')}</span>}
              </td>
              <td className="num">
                <input className="qty" inputMode="numeric" value={l.quantity} onChange={(e) => update(l.key, { quantity: e.target.value })} aria-label={t('stock.intake.qtyOf', { name: l.product.name })} />
              </td>
              <td>
                <DateInput
                  value={l.expiryDate}
                  disabled={l.noExpiryDate}
                  required={l.product.perishable && !l.noExpiryDate}
                  onChange={(v) => update(l.key, { expiryDate: v })}
                  aria-label={t('stock.intake.expiryOf', { name: l.product.name })}
                />
                {l.product.perishable && (
                  <label className="intake-nodate">
                    <input
                      type="checkbox"
                      checked={l.noExpiryDate ?? false}
                      aria-label={t('stock.intake.noDateOf', { name: l.product.name })}
                      onChange={(e) => update(l.key, { noExpiryDate: e.target.checked, ...(e.target.checked ? { expiryDate: '' } : {}) })}
                    />{' '}
                    {t('stock.intake.noDate')}
                  </label>
                )}
                {l.product.perishable && l.noExpiryDate && (
                  <span className="badge warn" role="note">
                    {t('stock.intake.noDateWarning')}
                  </span>
                )}
              </td>
              <td>
                <button type="button" onClick={() => remove(l.key)} aria-label={t('stock.intake.removeOf', { name: l.product.name })}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
          <EmptyRow show={lines.length === 0} colSpan={4} text={t('stock.intake.empty')} />
        </tbody>
        <tfoot>
          <tr>
            <th>{t('stock.print.totalUnits')}</th>
            <th className="num">{total}</th>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
      <HandoverFields whoLabel={t('stock.print.deliveredBy')} who={deliveredBy} onWho={setDeliveredBy} notes={notes} onNotes={setNotes} />
      <FormActions error={error} submitLabel={t('stock.intake.save')} submitDisabled={busy || producerId === null || lines.length === 0} />
    </PanelForm>
  );
}
