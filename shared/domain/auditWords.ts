/**
 * The audit log in the shop's words (issue #10): who (a staff name), when (the
 * store's local time) and what happened as a sentence — "Pembayaran setoran
 * ST-000063 Rp 230.225 tunai dari brankas" — never `payout.create`, UUIDs or
 * UTC instants. Pure; the audit screen and any export use it.
 */
import type { Lang } from '../i18nText';
import { formatRupiah } from '../money';
import { formatLocalDate, formatLocalDateTime, isLocalDate } from './time';

export interface AuditRow {
  at: string;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  reason: string;
}

export interface AuditWords {
  when: string;
  who: string;
  what: string;
}

export type PayoutMethodCode = 'cash_drawer' | 'cash_safe' | 'transfer' | 'ewallet';

const METHOD: Record<PayoutMethodCode, { id: string; en: string }> = {
  cash_drawer: { id: 'tunai dari laci kasir', en: 'cash from the till drawer' },
  cash_safe: { id: 'tunai dari brankas', en: 'cash from the safe' },
  transfer: { id: 'transfer bank', en: 'bank transfer' },
  ewallet: { id: 'dompet digital', en: 'e-wallet' },
};

/** A payout method as the shop says it; `capital` for a CSV cell or a label ("Tunai dari brankas"). */
export function payoutMethodWords(method: string, lang: Lang, capital = false): string {
  const w = METHOD[method as PayoutMethodCode]?.[lang] ?? method;
  return capital ? w.charAt(0).toUpperCase() + w.slice(1) : w;
}

const SALE_METHOD: Record<string, { id: string; en: string }> = {
  cash: { id: 'tunai', en: 'cash' },
  qris: { id: 'QRIS', en: 'QRIS' },
  transfer: { id: 'transfer', en: 'transfer' },
};

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const rp = (v: unknown) => (num(v) === null ? '' : formatRupiah(num(v)!));
const receipt = (v: unknown) => (num(v) === null ? '' : `#${String(num(v)).padStart(6, '0')}`);

type Phrase = (a: Rec, b: Rec, row: AuditRow, lang: Lang, tz: string) => string;
const bi = (id: string, en: string) => ({ id, en });

const PHRASES: Record<string, Phrase> = {
  'payout.create': (a, _b, row, lang) => {
    const number = str(a.settlementNumber) ?? `#${row.subjectId}`;
    const method = payoutMethodWords(String(a.method ?? ''), lang);
    return lang === 'id'
      ? `Pembayaran setoran ${number} ${rp(a.amount)} ${method}${str(a.producer) ? ` kepada ${a.producer}` : ''}`
      : `Payout on settlement ${number} ${rp(a.amount)} ${method}${str(a.producer) ? ` to ${a.producer}` : ''}`;
  },
  'settlement.finalize': (a, _b, row, lang) => {
    const week = isLocalDate(row.subjectId) ? formatLocalDate(row.subjectId, lang) : row.subjectId;
    const n = Array.isArray(a.settlements) ? a.settlements.length : 0;
    return lang === 'id'
      ? `Setoran minggu s.d. ${week} difinalkan: ${n} produsen, total ${rp(a.grandTotal)}`
      : `Settlements for the week to ${week} finalised: ${n} producers, total ${rp(a.grandTotal)}`;
  },
  'sale.void': (a, _b, _row, lang) => (lang === 'id' ? `Penjualan ${receipt(a.receiptNo)} dibatalkan (${rp(a.total)})` : `Sale ${receipt(a.receiptNo)} voided (${rp(a.total)})`),
  'sale.refund': (a, _b, _row, lang) => {
    const m = SALE_METHOD[String(a.method)]?.[lang] ?? String(a.method ?? '');
    return lang === 'id'
      ? `Retur pembeli dari struk ${receipt(a.receiptNo)}: ${rp(a.amount)} ${m}${a.restock ? ', barang kembali ke stok' : ''}`
      : `Customer refund on receipt ${receipt(a.receiptNo)}: ${rp(a.amount)} ${m}${a.restock ? ', goods back in stock' : ''}`;
  },
  'sale.discount': (a, _b, _row, lang) =>
    lang === 'id' ? `Diskon ${rp(a.discount)} pada struk ${receipt(a.receiptNo)} (dari ${rp(a.gross)})` : `Discount of ${rp(a.discount)} on receipt ${receipt(a.receiptNo)} (of ${rp(a.gross)})`,
  'shift.close': (a, _b, _row, lang) =>
    lang === 'id'
      ? `Shift ditutup: uang dihitung ${rp(a.countedCash)}, seharusnya ${rp(a.expectedCash)}, selisih ${rp(a.variance)}`
      : `Shift closed: counted ${rp(a.countedCash)}, expected ${rp(a.expectedCash)}, difference ${rp(a.variance)}`,
  'ledger.deduct': (a, _b, _row, lang) => {
    const amount = rp(Math.abs(num(a.amount) ?? 0));
    return lang === 'id' ? `Potongan ${amount}${str(a.producer) ? ` untuk ${a.producer}` : ''}` : `Deduction of ${amount}${str(a.producer) ? ` for ${a.producer}` : ''}`;
  },
  'ledger.adjust': (a, _b, _row, lang) =>
    lang === 'id' ? `Koreksi ${rp(a.amount)}${str(a.producer) ? ` untuk ${a.producer}` : ''}` : `Adjustment of ${rp(a.amount)}${str(a.producer) ? ` for ${a.producer}` : ''}`,
  'terms.change': (a, _b, _row, lang) =>
    lang === 'id' ? `Syarat titip diubah: harga jual ${rp(a.retailPrice)}${str(a.effectiveFrom) ? ` mulai ${a.effectiveFrom}` : ''}` : `Terms changed: retail price ${rp(a.retailPrice)}${str(a.effectiveFrom) ? ` from ${a.effectiveFrom}` : ''}`,
};

const SIMPLE: Record<string, { id: string; en: string }> = {
  'producer.create': bi('Produsen baru', 'New producer'),
  'producer.update': bi('Data produsen diubah', 'Producer details changed'),
  'producer.activate': bi('Produsen diaktifkan', 'Producer activated'),
  'producer.deactivate': bi('Produsen dinonaktifkan', 'Producer deactivated'),
  'product.create': bi('Produk baru', 'New product'),
  'product.update': bi('Data produk diubah', 'Product details changed'),
  'product.activate': bi('Produk diaktifkan', 'Product activated'),
  'product.deactivate': bi('Produk dinonaktifkan', 'Product deactivated'),
  'staff.create': bi('Petugas baru', 'New staff member'),
  'staff.update': bi('Data petugas diubah', 'Staff member changed'),
  'settings.update': bi('Pengaturan toko diubah', 'Store settings changed'),
  'setup.complete': bi('Toko disiapkan', 'Store set up'),
  'stockCount.create': bi('Stok opname dicatat', 'Stock count recorded'),
  'backup.restore': bi('Cadangan dipulihkan', 'Backup restored'),
};

/** Turns one audit row into the shop's words, in the store's time zone. */
export function auditWords(row: AuditRow, lang: Lang, timeZone: string): AuditWords {
  const a = rec(row.after);
  const b = rec(row.before);
  const phrase = PHRASES[row.action];
  let what: string;
  if (phrase) what = phrase(a, b, row, lang, timeZone);
  else {
    const simple = SIMPLE[row.action]?.[lang] ?? row.action.replace(/[._]/g, ' ');
    const name = str(a.name) ?? str(b.name);
    what = name ? `${simple}: ${name}` : simple;
  }
  return {
    when: formatLocalDateTime(row.at, timeZone, lang),
    who: row.actorName ?? (lang === 'id' ? 'Sistem' : 'System'),
    what,
  };
}
