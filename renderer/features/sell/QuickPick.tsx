import { memo } from 'react';
import { formatRupiah } from '../../../shared/money';
import { useT } from '../../i18n';
import type { Sellable } from './cart';

/** Tiles for goods without a barcode. Memoised: a scan does not re-render the grid. */
export const QuickPick = memo(function QuickPick({ items, onPick }: { items: Sellable[]; onPick(item: Sellable): void }) {
  const t = useT();
  // Goods with a tile colour, and every good without a barcode (it cannot be scanned).
  const tiles = items.filter((i) => i.tileColor || !i.barcode);
  if (tiles.length === 0) return null;
  return (
    <section className="quick-pick" aria-label={t('till.tiles.title')}>
      {tiles.map((item) => (
        <button
          key={item.productId}
          type="button"
          className="tile"
          style={item.tileColor ? { borderLeftColor: item.tileColor, background: `${item.tileColor}22` } : undefined}
          onClick={() => onPick(item)}
          aria-label={t('till.tiles.add', { name: item.name, producer: item.producerShortName })}
        >
          {item.tileColor && <span className="tile-swatch" style={{ background: item.tileColor }} aria-hidden="true" />}
          <strong>{item.name}</strong>
          <span className="muted small">{item.producerShortName}</span>
          <ItemCodes item={item} />
          <span className="small">{formatRupiah(item.unitPrice)}</span>
        </button>
      ))}
    </section>
  );
});

/** The short code (and barcode) a new cashier learns to type instead of hunting for the tile. */
export function ItemCodes({ item }: { item: Sellable }) {
  if (!item.shortCode && !item.barcode) return null;
  return (
    <span className="item-codes small" data-testid="item-codes">
      {item.shortCode && <kbd>{item.shortCode}</kbd>}
      {item.barcode && <span className="muted">{item.barcode}</span>}
    </span>
  );
}
