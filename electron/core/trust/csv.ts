import type { CoreContext } from '../context';
import { readSettings } from '../settings';
import type { TrustCsv, TrustFigures, TrustStatus } from '../../../shared/contract/trust';
import { localDateOf } from '../../../shared/domain/trustTime';
import { toCsv, type CsvValue } from '../../../shared/csv';
import { trustProducer, trustReport, type RangeInput } from './report';
import { payoutMethodWords } from '../../../shared/domain/auditWords';

const NOT_FINALISED: Record<'id' | 'en', string> = { id: 'Belum difinalkan', en: 'Not finalised' };

type Lang = 'id' | 'en';

/** Basis points → percent with one decimal and a dot ("87.5"); tenths → "2.5". */
const pct = (bps: number | null) => (bps === null ? null : (Math.floor((bps + 5) / 10) / 10).toFixed(1));
const tenths = (t: number | null) => (t === null ? null : (t / 10).toFixed(1));

const H = {
  id: {
    producer: 'Produsen', short: 'Singkatan', settlements: 'Setoran', zero: 'Nol rupiah', due: 'Jatuh tempo', onTime: 'Tepat waktu', late: 'Terlambat',
    overdue: 'Menunggak', notYetDue: 'Belum jatuh tempo', rate: 'Ketepatan (%)', avg: 'Rata-rata hari terlambat', max: 'Maks hari terlambat',
    owed: 'Total terutang (Rp)', paid: 'Total dibayar (Rp)', outstanding: 'Sisa (Rp)', oldest: 'Hari menunggak sisa tertua', lastPayout: 'Pembayaran terakhir',
    allRate: 'Ketepatan sepanjang waktu (%)', allAvg: 'Rata-rata hari terlambat sepanjang waktu', allOutstanding: 'Sisa saat ini (Rp)', store: 'SEMUA PRODUSEN',
    number: 'Nomor', periodStart: 'Awal periode', periodEnd: 'Akhir periode', dueDate: 'Jatuh tempo', total: 'Total (Rp)', paidInFull: 'Lunas tanggal',
    status: 'Status', daysLate: 'Hari terlambat', payouts: 'Pembayaran', inRange: 'Dalam rentang',
  },
  en: {
    producer: 'Producer', short: 'Short name', settlements: 'Settlements', zero: 'Zero-total', due: 'Due', onTime: 'On time', late: 'Late',
    overdue: 'Overdue', notYetDue: 'Not yet due', rate: 'On-time rate (%)', avg: 'Average days late', max: 'Max days late',
    owed: 'Total owed (Rp)', paid: 'Total paid (Rp)', outstanding: 'Outstanding (Rp)', oldest: 'Oldest unpaid: days overdue', lastPayout: 'Last payout',
    allRate: 'All-time on-time rate (%)', allAvg: 'All-time average days late', allOutstanding: 'Current outstanding (Rp)', store: 'ALL PRODUCERS',
    number: 'Number', periodStart: 'Period start', periodEnd: 'Period end', dueDate: 'Due date', total: 'Total (Rp)', paidInFull: 'Paid in full on',
    status: 'Status', daysLate: 'Days late', payouts: 'Payouts', inRange: 'In range',
  },
} satisfies Record<Lang, Record<string, string>>;
const STATUS: Record<Lang, Record<TrustStatus, string>> = {
  id: { onTime: 'tepat waktu', late: 'terlambat', overdue: 'menunggak', notYetDue: 'belum jatuh tempo', zeroTotal: 'nol rupiah' },
  en: { onTime: 'on time', late: 'late', overdue: 'overdue', notYetDue: 'not yet due', zeroTotal: 'zero total' },
};

function figureCells(f: TrustFigures, all: TrustFigures, local: (i: string) => string) {
  return [
    f.settlements, f.zeroTotal, f.due, f.onTime, f.late, f.overdue, f.notYetDue, pct(f.onTimeRateBps), tenths(f.averageDaysLateTenths), f.maxDaysLate,
    f.totalOwed, f.totalPaid, f.outstanding, f.oldestUnpaidDaysOverdue, f.lastPayoutAt ? local(f.lastPayoutAt) : null,
    pct(all.onTimeRateBps), tenths(all.averageDaysLateTenths), all.outstanding,
  ];
}

export function trustCsv(ctx: CoreContext, input: RangeInput & { producerId?: number; lang?: Lang }): TrustCsv {
  const lang: Lang = input.lang ?? readSettings(ctx.db).language;
  const h = H[lang];
  const local = localDateOf(ctx.timeZone());
  const rows: CsvValue[][] = [];
  if (input.producerId === undefined) {
    const r = trustReport(ctx, input);
    const header = [h.producer, h.short, h.settlements, h.zero, h.due, h.onTime, h.late, h.overdue, h.notYetDue, h.rate, h.avg, h.max, h.owed, h.paid, h.outstanding, h.oldest, h.lastPayout, h.allRate, h.allAvg, h.allOutstanding];
    rows.push([h.store, '', ...figureCells(r.store.range, r.store.allTime, local)]);
    for (const p of r.producers) rows.push([p.name, p.shortName, ...figureCells(p.range, p.allTime, local)]);
    return { filename: `kepercayaan-${r.from}-${r.to}.csv`, csv: toCsv(header, rows) };
  }
  const d = trustProducer(ctx, { ...input, producerId: input.producerId });
  const header = [h.number, h.periodStart, h.periodEnd, h.dueDate, h.total, h.paid, h.outstanding, h.paidInFull, h.status, h.daysLate, h.inRange, h.payouts];
  for (const s of d.settlements) {
    const payouts = s.payouts.map((p) => `${p.paidDate} ${p.amount} ${payoutMethodWords(p.method, lang, true)}${p.reference ? ` ${p.reference}` : ''}`).join('; ');
    rows.push([s.finalised ? s.number : NOT_FINALISED[lang], s.periodStartDate, s.periodEndDate, s.dueDate, s.totalDue, s.paid, s.outstanding, s.paidInFullDate, STATUS[lang][s.status], s.daysLate, s.inRange ? 1 : 0, payouts]);
  }
  const slug = d.producer.shortName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `p${d.producer.producerId}`;
  return { filename: `kepercayaan-${slug}-${d.from}-${d.to}.csv`, csv: toCsv(header, rows) };
}
