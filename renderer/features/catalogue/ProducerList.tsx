import type { Producer } from '../../../shared/contract/catalogue';
import type { Page } from '../../../shared/contract/paging';
import { Pager } from '../../components/Pager';
import { useT } from '../../i18n';

/** The producers, searchable; the chosen one is shown on the right. */
export function ProducerList(props: {
  producers: Producer[];
  /** The page of producers shown, with the total: the list says "1–100 dari 1.234" and pages on. */
  page: Page<Producer> | null;
  onOffset(offset: number): void;
  selectedId: number | null;
  search: string;
  includeInactive: boolean;
  onSearch(s: string): void;
  onIncludeInactive(v: boolean): void;
  onSelect(id: number): void;
  onNew(): void;
}) {
  const t = useT();
  return (
    <aside className="panel stack producer-list" aria-label={t('catalogue.producers')}>
      <div className="row spread">
        <h2>{t('catalogue.producers')}</h2>
        <button type="button" className="primary" onClick={props.onNew}>
          + {t('catalogue.producer.new')}
        </button>
      </div>
      <label>
        {t('catalogue.producer.search')}
        <input type="search" value={props.search} onChange={(e) => props.onSearch(e.target.value)} aria-label={t('catalogue.producer.search')} />
      </label>
      <label className="inline">
        <input type="checkbox" checked={props.includeInactive} onChange={(e) => props.onIncludeInactive(e.target.checked)} />
        {t('catalogue.showInactive')}
      </label>
      <Pager page={props.page} onOffset={props.onOffset} list={t('catalogue.producers')} compact />
      <ul className="pick-list">
        {props.producers.map((p) => (
          <li key={p.id}>
            <button type="button" aria-pressed={props.selectedId === p.id} className={props.selectedId === p.id ? 'chosen' : ''} onClick={() => props.onSelect(p.id)}>
              <strong>{p.name}</strong>
              <span className="muted">
                {p.address || p.phone} · {t('catalogue.productCount', { n: p.productCount })}
              </span>
              {!p.active && <span className="badge warn">{t('common.inactive')}</span>}
            </button>
          </li>
        ))}
        {props.page !== null && props.producers.length === 0 && <li className="muted">{t('common.none')}</li>}
      </ul>
    </aside>
  );
}
