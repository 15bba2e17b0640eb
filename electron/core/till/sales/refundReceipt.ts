import type { MethodParsed } from '../../../../shared/contract';
import type { RefundReceiptData } from '../../../../shared/contract/till';
import type { CoreContext } from '../../context';
import { notFound } from '../../errors';
import { readSettings } from '../../settings';
import { sql } from '../db';
import { requireSale } from './read';

/** The numbered refund receipt (struk retur): the refund, its number and the sale it refunds. */
export function refundReceipt(input: MethodParsed<'sales.refundReceipt'>, ctx: CoreContext): RefundReceiptData {
  const row = sql(ctx.db, 'SELECT r.sale_id, n.number FROM refunds r JOIN refund_receipts n ON n.refund_id = r.id WHERE r.id = ?').get(input.refundId) as
    | { sale_id: string; number: number }
    | undefined;
  if (!row) notFound('Pengembalian ini tidak ditemukan.', 'This refund was not found.');
  const sale = requireSale(ctx.db, row!.sale_id);
  const refund = sale.refunds.find((r) => r.id === input.refundId)!;
  const s = readSettings(ctx.db);
  return {
    store: { name: s.storeName, address: s.storeAddress, phone: s.storePhone, footer: s.receiptFooter },
    width: s.receiptWidth,
    refundNo: row!.number,
    refund,
    sale,
  };
}
