import type { TermsMode } from '../../../shared/domain/terms';
import { useT } from '../../i18n';

export interface TermsDraft {
  retailPrice: string;
  mode: TermsMode;
  producerPrice: string;
  commission: string;
}

export const EMPTY_TERMS: TermsDraft = { retailPrice: '', mode: 'fixed', producerPrice: '', commission: '' };

/** Retail price and the consignment deal: a fixed producer price (harga setor) or a percent commission (bagi hasil). */
export function TermsFields({ value, onChange, idPrefix }: { value: TermsDraft; onChange(v: TermsDraft): void; idPrefix: string }) {
  const t = useT();
  const set = (patch: Partial<TermsDraft>) => onChange({ ...value, ...patch });
  return (
    <div className="stack">
      <div className="row">
        <label>
          {t('catalogue.terms.retailPrice')}
          <input inputMode="numeric" value={value.retailPrice} onChange={(e) => set({ retailPrice: e.target.value })} aria-label={t('catalogue.terms.retailPrice')} placeholder="12.500" />
        </label>
        <div className="row" role="radiogroup" aria-label={t('catalogue.terms.mode')}>
          {(['fixed', 'percent'] as const).map((m) => (
            <label key={m} className="inline">
              <input type="radio" name={`${idPrefix}-mode`} checked={value.mode === m} onChange={() => set({ mode: m })} />
              {t(`catalogue.terms.mode.${m}`)}
            </label>
          ))}
        </div>
        {value.mode === 'fixed' ? (
          <label>
            {t('catalogue.terms.producerPrice')}
            <input inputMode="numeric" value={value.producerPrice} onChange={(e) => set({ producerPrice: e.target.value })} aria-label={t('catalogue.terms.producerPrice')} />
          </label>
        ) : (
          <label>
            {t('catalogue.terms.commission')}
            <input inputMode="decimal" value={value.commission} onChange={(e) => set({ commission: e.target.value })} aria-label={t('catalogue.terms.commission')} placeholder="15" />
          </label>
        )}
      </div>
    </div>
  );
}
