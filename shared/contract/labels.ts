// In-store barcodes for goods that have none, and the labels that carry them (SPEC §12).
import { z } from 'zod';
import { method, id, biMsg } from './define';
import type { Product } from './catalogue';

/** One sticker: what the customer and the scanner read. */
export interface LabelData {
  productId: number;
  name: string;
  unit: string;
  /** Retail price in effect on the label's day, whole rupiah. */
  retailPrice: number;
  producerShortName: string;
  barcode: string;
  /** The lot's expiry (perishables from an intake), else null. */
  expiryDate: string | null;
}

export interface LabelSet {
  /** What the labels are for, for the print title: `TT-000012`, a product's name. */
  title: string;
  labels: LabelData[];
  /** Products in the source that have no barcode yet: no label can be made for them until they get one. */
  withoutBarcode: Array<{ productId: number; name: string; units: number }>;
}

export interface AssignedBarcode {
  productId: number;
  name: string;
  barcode: string;
}

const maxLabels = 2000;

export const labelSourceInput = z.discriminatedUnion(
  'source',
  [
    /** One label per unit delivered, with that lot's expiry. */
    z.object({ source: z.literal('intake'), intakeId: id() }).strict(),
    /** Any number of one product, at today's price. */
    z
      .object({
        source: z.literal('product'),
        productId: id(),
        count: z
          .number({ error: biMsg('Jumlah label harus berupa angka', 'Label count must be a number') })
          .int({ error: biMsg('Jumlah label harus bilangan bulat', 'Label count must be a whole number') })
          .min(1, { error: biMsg('Jumlah label paling sedikit 1', 'At least 1 label') })
          .max(maxLabels, { error: biMsg(`Paling banyak ${maxLabels} label sekali cetak`, `At most ${maxLabels} labels at once`) }),
      })
      .strict(),
    /** After a price change: one label per unit on the shelf, at the new price. */
    z.object({ source: z.literal('relabel'), productId: id() }).strict(),
  ],
  { error: biMsg('Sumber label: intake, product atau relabel', 'Label source: intake, product or relabel') },
);

export const labelMethods = {
  /** Gives a product without a barcode the store's next in-store EAN-13 (prefix 20). */
  'products.assignBarcode': method<Product>({ access: 'manager', kind: 'write' })(z.object({ productId: id() }).strict()),
  /** Gives every active product without a barcode one, in one transaction. */
  'products.assignBarcodes': method<{ assigned: AssignedBarcode[] }>({ access: 'manager', kind: 'write' })(
    z.object({}).strict().optional().default({}),
  ),
  /** The labels of an intake, a product or a relabelling; nothing is written. */
  'labels.build': method<LabelSet>({ access: 'staff', kind: 'read' })(labelSourceInput),
};
