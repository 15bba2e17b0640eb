/** A plain-text settlement summary for WhatsApp: short lines, *bold* headings, no tables. */
import { formatRupiah } from '../../../shared/money';
import { formatLocalDate } from '../../../shared/domain/time';
import { periodBounds, type PeriodBound } from '../../../shared/domain/settlement';
import type { SettlementDetail } from '../../../shared/contract/ledger';
import type { Lang } from '../../../shared/i18nText';

const T = {
  id: {
    title: 'Slip Setoran',
    period: 'Periode',
    until: 's.d.',
    due: 'Jatuh tempo',
    sold: 'Terjual',
    refunds: 'Retur pembeli',
    voids: 'Penjualan batal',
    carriedIn: 'Minus dibawa dari setoran sebelumnya',
    carriedForward: 'Minus dibawa ke setoran berikutnya',
    shrinkage: 'Susut stok (ditanggung toko)',
    deductions: 'Potongan',
    adjustments: 'Koreksi',
    total: 'Total setoran',
    paidNow: 'Dibayar sekarang',
    paidBefore: 'Dibayar sebelumnya',
    remaining: 'Sisa',
    nothing: 'Tidak ada penjualan pada periode ini.',
    code: 'Kode rantai buku',
    thanks: 'Terima kasih atas kepercayaannya.',
  },
  en: {
    title: 'Payout slip',
    period: 'Period',
    until: 'up to',
    due: 'Due',
    sold: 'Sold',
    refunds: 'Customer refunds',
    voids: 'Cancelled sales',
    carriedIn: 'Shortfall brought from the previous settlement',
    carriedForward: 'Shortfall carried into the next settlement',
    shrinkage: 'Stock shrinkage (borne by the shop)',
    deductions: 'Deductions',
    adjustments: 'Adjustments',
    total: 'Total due',
    paidNow: 'Paid now',
    paidBefore: 'Paid before',
    remaining: 'Remaining',
    nothing: 'Nothing was sold in this period.',
    code: 'Ledger chain code',
    thanks: 'Thank you for your trust.',
  },
} as const;

export function whatsappText(d: SettlementDetail, lang: Lang): string {
  const t = T[lang];
  const tz = d.store.timeZone;
  const out: string[] = [];
  out.push(`*${d.store.storeName}* — ${t.title} ${d.number}`);
  out.push(`${d.producerDetail.name}`);
  const { from, to } = periodBounds(d.periodStart, d.periodEndInstant, tz);
  const bound = (b: PeriodBound) => `${formatLocalDate(b.date, lang)}${b.time ? ` ${b.time}` : ''}`;
  out.push(`${t.period}: ${from ? `${bound(from)} – ${bound(to)}` : `${t.until} ${bound(to)}`}`);
  out.push(`${t.due}: ${formatLocalDate(d.dueDate, lang)}`);
  out.push('');
  const i = d.items;
  if (i.products.length === 0 && i.shrinkage.length === 0) out.push(t.nothing);
  for (const p of i.products) {
    for (const r of p.saleRows) {
      const per = r.sharePerUnit === null ? '' : ` × ${formatRupiah(r.sharePerUnit)}`;
      out.push(`• ${p.productName}: ${r.units} ${p.unit}${per} = ${formatRupiah(r.subtotal)}`);
    }
  }
  const refunds = i.products.filter((p) => p.refundShare !== 0 || p.unitsRefunded > 0);
  if (refunds.length) {
    out.push(`_${t.refunds}_`);
    for (const p of refunds) out.push(`• ${p.productName}: ${p.unitsRefunded} ${p.unit} = ${formatRupiah(p.refundShare)}`);
  }
  const voids = i.products.filter((p) => p.voidShare !== 0 || p.unitsVoided > 0);
  if (voids.length) {
    out.push(`_${t.voids}_`);
    for (const p of voids) out.push(`• ${p.productName}: ${p.unitsVoided} ${p.unit} = ${formatRupiah(p.voidShare)}`);
  }
  if (i.shrinkage.length) {
    out.push(`_${t.shrinkage}_`);
    for (const s of i.shrinkage) out.push(`• ${s.productName}: ${s.units} ${s.unit} = ${formatRupiah(s.amount)}`);
  }
  if (i.deductions.length) {
    out.push(`_${t.deductions}_`);
    for (const x of i.deductions) out.push(`• ${x.reason}: ${formatRupiah(x.amount)}`);
  }
  if (i.adjustments.length) {
    out.push(`_${t.adjustments}_`);
    for (const x of i.adjustments) out.push(`• ${x.reason}: ${formatRupiah(x.amount)}`);
  }
  out.push('');
  if (d.carriedIn < 0) out.push(`${t.carriedIn}: ${formatRupiah(d.carriedIn)}`);
  if (d.carriedForward < 0) out.push(`${t.carriedForward}: ${formatRupiah(-d.carriedForward)}`);
  out.push(`*${t.total}: ${formatRupiah(d.totalDue)}*`);
  if (d.forPayout) out.push(`${t.paidNow}: ${formatRupiah(d.paidNow)}`);
  out.push(`${t.paidBefore}: ${formatRupiah(d.paidBefore)}`);
  out.push(`*${t.remaining}: ${formatRupiah(d.remainingAfter)}*`);
  out.push('');
  out.push(`${t.code}: ${d.chainCode}`);
  out.push(t.thanks);
  return out.join('\n');
}
