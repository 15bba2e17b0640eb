import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { getProduct } from '../catalogue/products';
import type { Product } from '../../../shared/contract/catalogue';
import type { LabelData, LabelSet } from '../../../shared/contract/labels';
import type { MethodParsed } from '../../../shared/contract';

function labelOf(product: Product, expiryDate: string | null): Omit<LabelData, 'barcode'> {
  return {
    productId: product.id,
    name: product.name,
    unit: product.unit,
    retailPrice: product.terms?.retailPrice ?? 0,
    producerShortName: product.producerShortName,
    expiryDate,
  };
}

/** Appends `units` copies of a product's label, or notes that it has no barcode to print. */
function add(set: LabelSet, product: Product, units: number, expiryDate: string | null): void {
  if (units <= 0) return;
  if (product.barcode === null) {
    const known = set.withoutBarcode.find((w) => w.productId === product.id);
    if (known) known.units += units;
    else set.withoutBarcode.push({ productId: product.id, name: product.name, units });
    return;
  }
  const label: LabelData = { ...labelOf(product, expiryDate), barcode: product.barcode };
  for (let i = 0; i < units; i++) set.labels.push(label);
}

export function buildLabels(ctx: CoreContext, input: MethodParsed<'labels.build'>): LabelSet {
  if (input.source === 'intake') {
    const intake = ctx.db.prepare('SELECT number FROM intakes WHERE id = ?').get(input.intakeId) as { number: string } | undefined;
    if (!intake) notFound(`Titipan masuk ${input.intakeId} tidak ditemukan`, `Intake ${input.intakeId} not found`);
    const lines = ctx.db
      .prepare('SELECT product_id, quantity, expiry_date FROM intake_lines WHERE intake_id = ? ORDER BY id')
      .all(input.intakeId) as Array<{ product_id: number; quantity: number; expiry_date: string | null }>;
    const set: LabelSet = { title: intake!.number, labels: [], withoutBarcode: [] };
    const products = new Map<number, Product>();
    for (const line of lines) {
      let product = products.get(line.product_id);
      if (!product) products.set(line.product_id, (product = getProduct(ctx, line.product_id)));
      add(set, product, line.quantity, product.perishable ? line.expiry_date : null);
    }
    return set;
  }
  const product = getProduct(ctx, input.productId);
  const set: LabelSet = { title: product.name, labels: [], withoutBarcode: [] };
  const units = input.source === 'product' ? input.count : Math.max(0, product.onHand);
  add(set, product, units, null);
  return set;
}
