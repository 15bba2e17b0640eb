import type { CoreContext } from '../context';
import type { CsvFile } from '../../../shared/contract/catalogue';
import { toCsv } from '../../../shared/csv';
import { todayLocal } from '../catalogue/common';
import { listStock } from './onHand';
import { EVERY_ROW } from '../paging';

/** Stock on hand per product, as of now. */
export function stockCsv(ctx: CoreContext, producerId: number | undefined): CsvFile {
  const rows = listStock(ctx, { producerId, includeInactive: false, ...EVERY_ROW }).rows;
  const header = ['producer_id', 'producer', 'product_id', 'product', 'unit', 'short_code', 'barcode', 'perishable', 'active', 'on_hand', 'oversold', 'last_movement_at'];
  return {
    filename: `stok-${todayLocal(ctx)}.csv`,
    csv: toCsv(
      header,
      rows.map((r) => [r.producerId, r.producerName, r.productId, r.productName, r.unit, r.shortCode, r.barcode, r.perishable, r.active, r.onHand, r.oversold, r.lastMovementAt]),
    ),
  };
}
