import { useState } from 'react';
import { TILE_COLORS, type Product } from '../../../shared/contract/catalogue';
import { call } from '../../api';
import { useT } from '../../i18n';
import { EMPTY_TERMS, TermsFields, type TermsDraft } from './TermsFields';
import { termsFromDraft } from './termsDraft';
import { FormActions, PanelForm, useSaving } from '../../components/FormParts';

const UNITS = ['bungkus', 'butir', 'pcs', 'pak', 'kg', 'botol', 'toples', 'ikat'];

/** Create a product (with its first terms) or edit its own fields; terms change separately, from a date. */
export function ProductForm({ producerId, product, onSaved, onCancel }: { producerId: number; product: Product | null; onSaved(p: Product): void; onCancel(): void }) {
  const t = useT();
  const [name, setName] = useState(product?.name ?? '');
  const [unit, setUnit] = useState(product?.unit ?? 'bungkus');
  const [barcode, setBarcode] = useState(product?.barcode ?? '');
  const [shortCode, setShortCode] = useState(product?.shortCode ?? '');
  const [tileColor, setTileColor] = useState<string | null>(product?.tileColor ?? TILE_COLORS[0]);
  const [perishable, setPerishable] = useState(product?.perishable ?? false);
  const [terms, setTerms] = useState<TermsDraft>(EMPTY_TERMS);
  const { error, busy, run } = useSaving();

  const save = async () => {
    await run(async () => {
      const fields = { name, unit, barcode, shortCode, tileColor, perishable };
      const saved = product
        ? await call('products.update', { id: product.id, ...fields })
        : await call('products.create', { producerId, ...fields, terms: termsFromDraft(terms) });
      onSaved(saved);
    });
  };
  const title = product ? t('catalogue.product.editTitle') : t('catalogue.product.newTitle');
  return (
    <PanelForm title={title} onSubmit={() => void save()}>
      <div className="row">
        <label className="grow">
          {t('catalogue.product.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('catalogue.product.name')} maxLength={120} autoFocus />
        </label>
        <label>
          {t('catalogue.product.unit')}
          <input value={unit} onChange={(e) => setUnit(e.target.value)} aria-label={t('catalogue.product.unit')} list="unit-names" maxLength={20} />
          <datalist id="unit-names">
            {UNITS.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </label>
      </div>
      <div className="row">
        <label>
          {t('catalogue.product.barcode')}
          <input value={barcode} onChange={(e) => setBarcode(e.target.value)} aria-label={t('catalogue.product.barcode')} maxLength={64} />
        </label>
        <label>
          {t('catalogue.product.shortCode')}
          <input value={shortCode} onChange={(e) => setShortCode(e.target.value)} aria-label={t('catalogue.product.shortCode')} maxLength={16} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={perishable} onChange={(e) => setPerishable(e.target.checked)} />
          {t('catalogue.product.perishable')}
        </label>
      </div>
      <fieldset>
        <legend>{t('catalogue.product.tileColor')}</legend>
        <div className="swatches" role="radiogroup" aria-label={t('catalogue.product.tileColor')}>
          {TILE_COLORS.map((c, i) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={tileColor === c}
              aria-label={`${t('catalogue.product.colour')} ${i + 1}`}
              className={`swatch${tileColor === c ? ' chosen' : ''}`}
              style={{ background: c }}
              onClick={() => setTileColor(c)}
            >
              {tileColor === c ? '✓' : ''}
            </button>
          ))}
          <button type="button" role="radio" aria-checked={tileColor === null} className={`swatch none${tileColor === null ? ' chosen' : ''}`} onClick={() => setTileColor(null)}>
            {t('catalogue.product.noColour')}
          </button>
        </div>
      </fieldset>
      {!product && (
        <fieldset>
          <legend>{t('catalogue.terms.first')}</legend>
          <TermsFields value={terms} onChange={setTerms} idPrefix="new-product" />
        </fieldset>
      )}
      <FormActions error={error} submitLabel={t('common.save')} submitDisabled={busy} onCancel={onCancel} />
    </PanelForm>
  );
}
