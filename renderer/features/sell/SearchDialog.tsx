import { useMemo, useState } from 'react';
import { formatRupiah } from '../../../shared/money';
import { useT } from '../../i18n';
import { Modal } from '../staff/Modal';
import type { Sellable } from './cart';
import type { CatalogueCache } from './catalogueCache';
import { ItemCodes } from './QuickPick';

/** Name search (F2): type, arrow keys to choose, Enter adds. */
export function SearchDialog({ cache, onPick, onClose }: { cache: CatalogueCache; onPick(item: Sellable): void; onClose(): void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);
  const results = useMemo(() => cache.search(text), [cache, text]);
  const chosen = results[Math.min(index, results.length - 1)];
  return (
    <Modal title={t('till.search.title')} onClose={onClose}>
      <div className="stack">
        <input
          data-autofocus
          value={text}
          aria-label={t('till.search.field')}
          placeholder={t('till.search.placeholder')}
          role="combobox"
          aria-expanded="true"
          aria-controls="till-search-results"
          aria-activedescendant={chosen ? `till-search-${chosen.productId}` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setIndex((i) => Math.min(i + 1, results.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setIndex((i) => Math.max(i - 1, 0));
            } else if (e.key === 'Enter' && chosen) {
              e.preventDefault();
              onPick(chosen);
            }
          }}
        />
        <ul className="search-results" id="till-search-results" role="listbox" aria-label={t('till.search.results')}>
          {results.map((item) => (
            <li
              key={item.productId}
              id={`till-search-${item.productId}`}
              role="option"
              aria-selected={item === chosen}
              className={item === chosen ? 'chosen' : undefined}
              onClick={() => onPick(item)}
            >
              <span>
                <strong>{item.name}</strong> <span className="muted">[{item.producerShortName}]</span> <ItemCodes item={item} />
              </span>
              <span className="num">{formatRupiah(item.unitPrice)}</span>
            </li>
          ))}
          {results.length === 0 && <li className="muted">{t('till.search.none')}</li>}
        </ul>
        <p className="muted small">{t('till.search.hint')}</p>
      </div>
    </Modal>
  );
}
