/**
 * Validation errors name the field as the form labels it ("Baris 1 · Jumlah"),
 * never an internal path like `lines.0.quantity` (issue #10). Pure: the core's
 * envelope uses it for every refused input; the path itself stays in `field`
 * for code that highlights the input.
 */
import type { Lang } from '../i18nText';

const LABELS: Record<string, { id: string; en: string }> = {
  name: { id: 'Nama', en: 'Name' },
  shortName: { id: 'Nama singkat', en: 'Short name' },
  phone: { id: 'Telepon/WA', en: 'Phone/WhatsApp' },
  address: { id: 'Alamat', en: 'Address' },
  payoutMethod: { id: 'Cara pembayaran', en: 'Payout method' },
  payoutProvider: { id: 'Bank/dompet', en: 'Bank/wallet' },
  payoutAccount: { id: 'Nomor rekening', en: 'Account number' },
  payoutAccountName: { id: 'Nama pemilik rekening', en: 'Account holder' },
  notes: { id: 'Catatan', en: 'Notes' },
  unit: { id: 'Satuan', en: 'Unit' },
  barcode: { id: 'Barcode', en: 'Barcode' },
  shortCode: { id: 'Kode singkat', en: 'Short code' },
  retailPrice: { id: 'Harga jual', en: 'Retail price' },
  producerPrice: { id: 'Harga setor', en: 'Producer price' },
  commissionBps: { id: 'Komisi toko', en: 'Shop commission' },
  mode: { id: 'Jenis syarat', en: 'Terms type' },
  effectiveFrom: { id: 'Berlaku mulai', en: 'Effective from' },
  quantity: { id: 'Jumlah', en: 'Quantity' },
  counted: { id: 'Jumlah dihitung', en: 'Counted' },
  expiryDate: { id: 'Kedaluwarsa', en: 'Expiry' },
  productId: { id: 'Produk', en: 'Product' },
  producerId: { id: 'Produsen', en: 'Producer' },
  discount: { id: 'Diskon', en: 'Discount' },
  amount: { id: 'Jumlah uang', en: 'Amount' },
  reason: { id: 'Alasan', en: 'Reason' },
  pin: { id: 'PIN', en: 'PIN' },
  role: { id: 'Peran', en: 'Role' },
  method: { id: 'Cara bayar', en: 'Payment method' },
  tendered: { id: 'Uang diterima', en: 'Amount tendered' },
  reference: { id: 'Referensi', en: 'Reference' },
  receiverName: { id: 'Nama penerima', en: 'Receiver' },
  paidAt: { id: 'Tanggal bayar', en: 'Paid on' },
  periodEnd: { id: 'Minggu', en: 'Week' },
  openingFloat: { id: 'Modal awal laci', en: 'Opening float' },
  countedCash: { id: 'Uang dihitung', en: 'Counted cash' },
  deliveredBy: { id: 'Diantar oleh', en: 'Delivered by' },
  storeName: { id: 'Nama toko', en: 'Store name' },
  storeAddress: { id: 'Alamat toko', en: 'Store address' },
  storePhone: { id: 'Telepon toko', en: 'Store phone' },
  timeZone: { id: 'Zona waktu', en: 'Time zone' },
  paymentTermDays: { id: 'Tempo bayar (hari)', en: 'Payment term (days)' },
  periodEndWeekday: { id: 'Hari akhir periode', en: 'Period end day' },
  periodEndTime: { id: 'Jam akhir periode', en: 'Period end time' },
  approval: { id: 'Persetujuan pengelola', en: "Manager's approval" },
  staffId: { id: 'Petugas', en: 'Staff member' },
  settlementId: { id: 'Setoran', en: 'Settlement' },
  payment: { id: 'Pembayaran', en: 'Payment' },
  terms: { id: 'Syarat titip', en: 'Consignment terms' },
  from: { id: 'Dari tanggal', en: 'From' },
  to: { id: 'Sampai tanggal', en: 'To' },
  language: { id: 'Bahasa', en: 'Language' },
};

/** `['lines', 0, 'quantity']` → "Baris 1 · Jumlah" (id) / "Line 1 · Quantity" (en). */
export function fieldLabel(path: readonly PropertyKey[], lang: Lang): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = path[i + 1];
    if (typeof key === 'string' && typeof next === 'number') {
      parts.push(`${lang === 'id' ? 'Baris' : 'Line'} ${next + 1}`);
      i++;
      continue;
    }
    if (typeof key === 'number') {
      parts.push(`${lang === 'id' ? 'Baris' : 'Line'} ${key + 1}`);
      continue;
    }
    const label = LABELS[String(key)];
    // an unknown key is spelled as words ("receiverName" → "receiver name"), never as a dotted path
    parts.push(label ? label[lang] : String(key).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  }
  return parts.join(' · ');
}
