import type { CoreContext } from '../context';
import type { CsvFile } from '../../../shared/contract/catalogue';
import { toCsv } from '../../../shared/csv';
import { listProducts } from './products';
import { todayLocal } from './common';
import { EVERY_ROW } from '../paging';

/** The catalogue with today's terms, one row per product. Amounts are integer rupiah, commission in basis points. */
export function catalogueCsv(ctx: CoreContext, includeInactive: boolean): CsvFile {
  const products = listProducts(ctx, { includeInactive, ...EVERY_ROW }).rows;
  const header = [
    'producer_id', 'producer', 'producer_short_name', 'product_id', 'product', 'unit', 'barcode', 'short_code',
    'perishable', 'active', 'retail_price', 'terms_mode', 'producer_price', 'commission_bps', 'terms_effective_from', 'on_hand',
  ];
  const rows = products.map((p) => [
    p.producerId, p.producerName, p.producerShortName, p.id, p.name, p.unit, p.barcode, p.shortCode,
    p.perishable, p.active, p.terms?.retailPrice, p.terms?.mode, p.terms?.producerPrice, p.terms?.commissionBps, p.terms?.effectiveFrom, p.onHand,
  ]);
  return { filename: `katalog-${todayLocal(ctx)}.csv`, csv: toCsv(header, rows) };
}
