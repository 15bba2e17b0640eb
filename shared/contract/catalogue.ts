// Producers, products and their effective-dated terms. Owned by the catalogue area.
import { z } from 'zod';
import { pageFields, type Page } from './paging';
import { method, id, rupiah, bps, localDate, nonEmptyText, optionalText, approval, biMsg } from './define';
import type { TermsMode } from '../domain/terms';

export type PayoutMethod = 'cash' | 'transfer' | 'ewallet';

export interface Producer {
  id: number;
  name: string;
  shortName: string;
  phone: string;
  /** Village / address. */
  address: string;
  payoutMethod: PayoutMethod;
  /** Bank or e-wallet provider name (empty for cash). */
  payoutProvider: string;
  /** Account or e-wallet number (empty for cash). */
  payoutAccount: string;
  payoutAccountName: string;
  active: boolean;
  notes: string;
  productCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Terms as shown: the row of product_terms. */
export interface TermsView {
  id: number;
  effectiveFrom: string;
  retailPrice: number;
  mode: TermsMode;
  producerPrice: number | null;
  commissionBps: number | null;
  createdAt: string;
  createdBy: number | null;
}

export interface Product {
  id: number;
  producerId: number;
  producerName: string;
  producerShortName: string;
  producerActive: boolean;
  name: string;
  unit: string;
  barcode: string | null;
  shortCode: string | null;
  tileColor: string | null;
  perishable: boolean;
  active: boolean;
  /** Terms in effect today (store time zone); null only if the first terms start later. */
  terms: TermsView | null;
  /** A change already scheduled for a later date, if any. */
  nextTerms: TermsView | null;
  onHand: number;
  createdAt: string;
  updatedAt: string;
}

/** What a scan returns: small and fast. */
export interface ProductLookup {
  id: number;
  producerId: number;
  producerShortName: string;
  name: string;
  unit: string;
  barcode: string | null;
  shortCode: string | null;
  tileColor: string | null;
  perishable: boolean;
  terms: TermsView;
  onHand: number;
  matchedBy: 'barcode' | 'shortCode';
}

export interface CsvFile {
  filename: string;
  csv: string;
}

export const TILE_COLORS = ['#f4d35e', '#ee964b', '#f95738', '#7bc47f', '#4aa3a2', '#5c7aea', '#b983ff', '#c9ada7'] as const;

const code = (what: 'barcode' | 'shortCode') =>
  z
    .string()
    .trim()
    .max(what === 'barcode' ? 64 : 16, { error: biMsg('Kode terlalu panjang', 'Code too long') })
    .regex(/^[^\s]*$/, { error: biMsg('Kode tidak boleh berisi spasi', 'A code cannot contain spaces') });
const tileColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: biMsg('Warna harus #RRGGBB', 'Colour must be #RRGGBB') });
const payoutMethod = z.enum(['cash', 'transfer', 'ewallet'], { error: biMsg('Cara bayar tidak dikenal', 'Unknown payout method') });
const termsMode = z.enum(['fixed', 'percent'], { error: biMsg('Jenis syarat harus fixed atau percent', 'Terms mode must be fixed or percent') });

const producerFields = {
  name: nonEmptyText(120),
  shortName: nonEmptyText(24),
  phone: optionalText(40),
  address: optionalText(200),
  payoutMethod: payoutMethod.optional(),
  payoutProvider: optionalText(60),
  payoutAccount: optionalText(60),
  payoutAccountName: optionalText(120),
  notes: optionalText(500),
};

/** Terms of a product: a fixed producer price (harga setor) or a percent commission (bagi hasil). */
export const termsInput = z
  .object({
    retailPrice: rupiah(),
    mode: termsMode,
    producerPrice: rupiah().optional(),
    commissionBps: bps().optional(),
  })
  .strict();

const productFields = {
  name: nonEmptyText(120),
  unit: nonEmptyText(20),
  barcode: code('barcode').optional(),
  shortCode: code('shortCode').optional(),
  tileColor: tileColor.nullable().optional(),
  perishable: z.boolean().optional(),
};

export const catalogueMethods = {
  'producers.create': method<Producer>({ access: 'manager', kind: 'write' })(z.object({ ...producerFields }).strict()),
  'producers.update': method<Producer>({ access: 'manager', kind: 'write' })(
    z
      .object({
        id: id(),
        name: producerFields.name.optional(),
        shortName: producerFields.shortName.optional(),
        phone: producerFields.phone,
        address: producerFields.address,
        payoutMethod: producerFields.payoutMethod,
        payoutProvider: producerFields.payoutProvider,
        payoutAccount: producerFields.payoutAccount,
        payoutAccountName: producerFields.payoutAccountName,
        notes: producerFields.notes,
      })
      .strict(),
  ),
  'producers.get': method<Producer>({ access: 'staff', kind: 'read' })(z.object({ id: id() }).strict()),
  'producers.list': method<Page<Producer>>({ access: 'staff', kind: 'read' })(
    z.object({ search: z.string().trim().max(100).optional(), includeInactive: z.boolean().optional(), ...pageFields() }).strict().optional().default({}),
  ),
  'producers.setActive': method<Producer>({ access: 'manager', kind: 'write' })(z.object({ id: id(), active: z.boolean() }).strict()),

  'products.create': method<Product>({ access: 'manager', kind: 'write' })(z.object({ producerId: id(), ...productFields, terms: termsInput }).strict()),
  'products.update': method<Product>({ access: 'manager', kind: 'write' })(
    z
      .object({
        id: id(),
        name: productFields.name.optional(),
        unit: productFields.unit.optional(),
        barcode: productFields.barcode,
        shortCode: productFields.shortCode,
        tileColor: productFields.tileColor,
        perishable: productFields.perishable,
      })
      .strict(),
  ),
  'products.get': method<Product>({ access: 'staff', kind: 'read' })(z.object({ id: id() }).strict()),
  'products.list': method<Page<Product>>({ access: 'staff', kind: 'read' })(
    z
      .object({
        producerId: id().optional(),
        search: z.string().trim().max(100).optional(),
        includeInactive: z.boolean().optional(),
        ...pageFields(),
      })
      .strict()
      .optional()
      .default({}),
  ),
  'products.setActive': method<Product>({ access: 'manager', kind: 'write' })(z.object({ id: id(), active: z.boolean() }).strict()),
  /**
   * The cashier's scan: exact barcode first, then short code; active products only.
   * Read-only, so it runs outside a write transaction and never waits behind one.
   */
  'products.lookup': method<ProductLookup | null>({ access: 'staff', kind: 'read' })(z.object({ code: z.string().trim().min(1).max(64) }).strict()),

  /** A terms change from a local date on (today or later); needs a manager's approval. */
  'terms.change': method<TermsView>({ access: 'manager', kind: 'write' })(
    z
      .object({
        productId: id(),
        effectiveFrom: localDate(),
        retailPrice: rupiah(),
        mode: termsMode,
        producerPrice: rupiah().optional(),
        commissionBps: bps().optional(),
        approval: approval(),
        reason: optionalText(200),
      })
      .strict(),
  ),
  'terms.history': method<TermsView[]>({ access: 'manager', kind: 'read' })(z.object({ productId: id() }).strict()),

  'export.catalogueCsv': method<CsvFile>({ access: 'manager', kind: 'long' })(z.object({ includeInactive: z.boolean().optional() }).strict().optional().default({})),
} as const;
