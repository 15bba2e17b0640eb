import { useCallback, useEffect, useState } from 'react';
import type { Producer, Product } from '../../../shared/contract/catalogue';
import { formatRupiah } from '../../../shared/money';
import { call } from '../../api';
import { useT } from '../../i18n';
import { useConfirmDeactivate } from './ConfirmDeactivate';
import { ProducerForm } from './ProducerForm';
import { ProductForm } from './ProductForm';
import { TermsPanel, termsText } from './TermsPanel';
import { errorText } from './util';
import { ErrorAlert } from '../../components/FormParts';
import { EmptyRow } from '../../components/EmptyRow';
import { Pager, usePagedList } from '../../components/Pager';
import { LabelsPanel } from '../labels/LabelsPanel';

type Mode =
  | { kind: 'view' }
  | { kind: 'editProducer' }
  | { kind: 'newProduct' }
  | { kind: 'product'; id: number; editing: boolean }
  | { kind: 'labels'; id: number; relabel: boolean };

/** One producer: their details and payout preference, their products, and each product's terms. */
export function ProducerDetail({ producer, onProducerChanged }: { producer: Producer; onProducerChanged(p: Producer): void }) {
  const t = useT();
  const confirm = useConfirmDeactivate();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  // A producer's products a page at a time (SPEC §11), inactive ones too: the table says "1–100 dari N".
  const { page, rows, setOffset } = usePagedList('products.list', { producerId: producer.id, includeInactive: true }, {
    reloadKey,
    onError: (err) => setError(errorText(err)),
  });
  const products: Product[] = rows ?? [];
  const load = useCallback(async () => {
    setReloadKey((k) => k + 1);
    return Promise.resolve();
  }, []);
  /** After a product change: this table, and the producer's product count in the list. */
  const reload = async () => {
    await load();
    onProducerChanged(await call('producers.get', { id: producer.id }));
  };
  useEffect(() => {
    setMode({ kind: 'view' });
    void load();
  }, [load]);

  const toggleProducer = async () => {
    setError(null);
    if (producer.active && !(await confirm.ask('producer', producer.name))) return;
    try {
      onProducerChanged(await call('producers.setActive', { id: producer.id, active: !producer.active }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const toggleProduct = async (p: Product) => {
    setError(null);
    if (p.active && !(await confirm.ask('product', p.name))) return;
    try {
      await call('products.setActive', { id: p.id, active: !p.active });
      await reload();
    } catch (err) {
      setError(errorText(err));
    }
  };

  if (mode.kind === 'editProducer') {
    return (
      <ProducerForm
        producer={producer}
        onSaved={(p) => {
          onProducerChanged(p);
          setMode({ kind: 'view' });
        }}
        onCancel={() => setMode({ kind: 'view' })}
      />
    );
  }
  const selected = mode.kind === 'product' ? products.find((p) => p.id === mode.id) : undefined;
  return (
    <div className="stack">
      {confirm.dialog}
      <section className="panel stack" aria-label={producer.name}>
        <div className="row spread">
          <div>
            <h2>
              {producer.name} <span className="muted">({producer.shortName})</span>
            </h2>
            <p className="muted">
              {[producer.address, producer.phone].filter(Boolean).join(' · ')}
              <br />
              {t('catalogue.producer.payout')}: {t(`catalogue.payout.${producer.payoutMethod}`)}
              {producer.payoutMethod !== 'cash' && ` — ${producer.payoutProvider} ${producer.payoutAccount}${producer.payoutAccountName ? ` a.n. ${producer.payoutAccountName}` : ''}`}
            </p>
            {producer.notes && <p>{producer.notes}</p>}
          </div>
          <div className="row">
            {!producer.active && <span className="badge warn">{t('common.inactive')}</span>}
            <button type="button" onClick={() => setMode({ kind: 'editProducer' })}>
              {t('common.edit')}
            </button>
            <button type="button" className={producer.active ? 'danger' : ''} onClick={() => void toggleProducer()}>
              {producer.active ? t('catalogue.deactivate') : t('catalogue.activate')}
            </button>
          </div>
        </div>
      </section>
      <ErrorAlert error={error} />
      <section className="panel stack" aria-label={t('catalogue.products')}>
        <div className="row spread">
          <h3>{t('catalogue.products')}</h3>
          <button type="button" className="primary" disabled={!producer.active} onClick={() => setMode({ kind: 'newProduct' })}>
            + {t('catalogue.product.new')}
          </button>
        </div>
        <Pager page={page} onOffset={setOffset} list={t('catalogue.products')} />
        <table aria-label={t('catalogue.products')}>
          <thead>
            <tr>
              <th aria-label={t('catalogue.product.tileColor')} />
              <th>{t('catalogue.product.name')}</th>
              <th>{t('catalogue.product.codes')}</th>
              <th className="num">{t('catalogue.terms.retailPrice')}</th>
              <th>{t('catalogue.terms.deal')}</th>
              <th className="num">{t('catalogue.product.onHand')}</th>
              <th>{t('catalogue.product.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id} className={p.active ? '' : 'inactive-row'}>
                <td>
                  <span className="tile-dot" style={{ background: p.tileColor ?? 'transparent' }} aria-hidden="true" />
                </td>
                <td>
                  <strong>{p.name}</strong> <span className="muted">/ {p.unit}</span>
                  {p.perishable && <span className="badge warn">{t('catalogue.product.perishableBadge')}</span>}
                  {!p.active && <span className="badge">{t('common.inactive')}</span>}
                </td>
                <td>
                  {p.shortCode && <code>{p.shortCode}</code>} {p.barcode && <code className="muted">{p.barcode}</code>}
                </td>
                <td className="num">{p.terms ? formatRupiah(p.terms.retailPrice) : '—'}</td>
                <td>
                  {p.terms ? termsText(p.terms, t) : '—'}
                  {p.nextTerms && <div className="muted small">{t('catalogue.terms.nextFrom', { date: p.nextTerms.effectiveFrom, price: formatRupiah(p.nextTerms.retailPrice) })}</div>}
                </td>
                <td className="num">{p.onHand}</td>
                <td>
                  <div className="row tight">
                    <button type="button" aria-label={t('catalogue.product.open', { name: p.name })} onClick={() => setMode({ kind: 'product', id: p.id, editing: false })}>
                      {t('catalogue.product.termsButton')}
                    </button>
                    <button type="button" aria-label={t('catalogue.product.edit', { name: p.name })} onClick={() => setMode({ kind: 'product', id: p.id, editing: true })}>
                      {t('common.edit')}
                    </button>
                    <button type="button" aria-label={`${t('labels.open')} ${p.name}`} disabled={!p.active} onClick={() => setMode({ kind: 'labels', id: p.id, relabel: false })}>
                      {t('labels.open')}
                    </button>
                    <button type="button" aria-label={`${p.active ? t('catalogue.deactivate') : t('catalogue.activate')} ${p.name}`} onClick={() => void toggleProduct(p)}>
                      {p.active ? t('catalogue.deactivate') : t('catalogue.activate')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
            <EmptyRow show={page !== null && products.length === 0} colSpan={7} text={t('catalogue.noProducts')} />
          </tbody>
        </table>
        <Pager page={page} onOffset={setOffset} list={t('catalogue.products')} below />
      </section>
      {mode.kind === 'newProduct' && (
        <ProductForm
          producerId={producer.id}
          product={null}
          onSaved={async (p) => {
            await reload();
            setMode({ kind: 'product', id: p.id, editing: false });
          }}
          onCancel={() => setMode({ kind: 'view' })}
        />
      )}
      {mode.kind === 'product' && selected && mode.editing && (
        <ProductForm
          key={selected.id}
          producerId={producer.id}
          product={selected}
          onSaved={async () => {
            await load();
            setMode({ kind: 'product', id: selected.id, editing: false });
          }}
          onCancel={() => setMode({ kind: 'product', id: selected.id, editing: false })}
        />
      )}
      {mode.kind === 'product' && selected && !mode.editing && (
        <div className="stack">
          <TermsPanel key={selected.id} product={selected} onChanged={() => void load()} />
          <div className="row">
            <button type="button" disabled={!selected.active} onClick={() => setMode({ kind: 'labels', id: selected.id, relabel: true })}>
              {t('labels.relabelAfterChange')}
            </button>
          </div>
        </div>
      )}
      {mode.kind === 'labels' && (
        <LabelsPanel
          key={`${mode.id}-${mode.relabel}`}
          source={mode.relabel ? { source: 'relabel', productId: mode.id } : { source: 'product', productId: mode.id, count: 1 }}
          onClose={() => {
            setMode({ kind: 'view' });
            void load();
          }}
        />
      )}
    </div>
  );
}
