/**
 * The sales report (issue 10 item 9: what the shop sold and what it keeps),
 * read from the kept sums (migrations/0014_kept_sums.sql, 0019_sales_months.sql),
 * never from sale lines: per product over the range's whole months from the
 * month × product rows and over its partial months from the day × product rows;
 * per day from the day totals (from the day × product rows for one producer).
 * Five years read about 35,000 rows, not 418,000.
 */
import type { MethodParsed } from '../../../shared/contract';
import type { PaymentMethod, SalesFigures, SalesReport } from '../../../shared/contract/till';
import { salesPeriodOf } from '../../../shared/domain/salesPeriods';
import { addDays } from '../../../shared/domain/time';
import type { CoreContext } from '../context';
import { invalid } from '../errors';
import { readSettings } from '../settings';

/** Sums of a group of day rows, as SQL columns (the same for every grouping). */
const SUMS = `SUM(units - void_units - refund_units) AS units, SUM(gross - void_gross) AS gross,
  SUM(discounts - void_discounts) AS discounts, SUM(refund_net) AS refunds, SUM(void_net) AS voids,
  SUM(net - void_net) AS sold, SUM(producer_share - void_share - refund_share) AS share`;

interface SumRow {
  units: number;
  gross: number;
  discounts: number;
  refunds: number;
  voids: number;
  sold: number;
  share: number;
}
const SUM_KEYS: (keyof SumRow)[] = ['units', 'gross', 'discounts', 'refunds', 'voids', 'sold', 'share'];

/** A range no row falls in (an empty part of a split). */
const NONE: [string, string] = ['1', '0'];

/**
 * A range of local days cut into its whole calendar months (read from the
 * month rows, 'YYYY-MM' inclusive) and the days before and after them (read
 * from the day rows); a range with no whole month is all days.
 */
export function splitByMonths(from: string, to: string): { months: [string, string]; head: [string, string]; tail: [string, string] } {
  const monthAfter = (day: string) => {
    const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
    return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${day.slice(0, 5)}${String(m + 1).padStart(2, '0')}-01`;
  };
  const firstWhole = from.endsWith('-01') ? from : monthAfter(from);
  const dayAfter = addDays(to, 1);
  const afterWhole = dayAfter.endsWith('-01') ? dayAfter : `${to.slice(0, 8)}01`;
  if (firstWhole >= afterWhole) return { months: NONE, head: [from, to], tail: NONE };
  return {
    months: [firstWhole.slice(0, 7), addDays(afterWhole, -1).slice(0, 7)],
    head: from < firstWhole ? [from, addDays(firstWhole, -1)] : NONE,
    tail: afterWhole <= to ? [afterWhole, to] : NONE,
  };
}

/**
 * The grouped reads of a range per product: its whole months from sales_months,
 * the days before and after them from sales_days (one producer's only, when
 * given); parts with no days are left out. Each returns one row per product
 * (product_id, producer_id and the SUMS columns), to be added up per product.
 */
export function productReadsOf(from: string, to: string, producerId: number | null): { sql: string; args: (string | number)[] }[] {
  const { months, head, tail } = splitByMonths(from, to);
  const mine = producerId === null ? '' : ' AND producer_id = ?';
  const part = (table: string, key: string, range: [string, string]) => ({
    sql: `SELECT product_id, MIN(producer_id) AS producer_id, ${SUMS} FROM ${table} WHERE ${key} >= ? AND ${key} <= ?${mine} GROUP BY product_id`,
    args: producerId === null ? [...range] : [...range, producerId],
  });
  const parts: [string, string, [string, string]][] = [['sales_months', 'month', months], ['sales_days', 'day', head], ['sales_days', 'day', tail]];
  return parts.filter(([, , range]) => range !== NONE).map(([table, key, range]) => part(table, key, range));
}

export function figures(r: SumRow): SalesFigures {
  const net = r.sold - r.refunds;
  return {
    units: r.units,
    gross: r.gross,
    discounts: r.discounts,
    refunds: r.refunds,
    net,
    voids: r.voids,
    producerShare: r.share,
    commission: net - r.share,
  };
}

const zero = (): SalesFigures => ({ units: 0, gross: 0, discounts: 0, refunds: 0, net: 0, voids: 0, producerShare: 0, commission: 0 });
const FIGURE_KEYS = Object.keys(zero()) as (keyof SalesFigures)[];
function addInto(into: SalesFigures, f: SalesFigures): void {
  for (const k of FIGURE_KEYS) into[k] += f[k];
}

/** The ISO weekday the store's week ends on (its settlement period's last local day). */
export function weekEndWeekday(ctx: CoreContext): number {
  const s = readSettings(ctx.db);
  return s.periodEndTime === '24:00' ? s.periodEndWeekday : ((s.periodEndWeekday + 5) % 7) + 1;
}

export function salesReport(input: MethodParsed<'reports.sales'>, ctx: CoreContext): SalesReport {
  const { db } = ctx;
  if (input.to < input.from) invalid('Tanggal akhir sebelum tanggal awal.', 'The end date is before the start date.', 'to');
  const grouping = input.groupBy ?? 'day';
  const producerId = input.producerId ?? null;
  // Each part grouped alone and added up here, names looked up afterwards: a UNION ALL of the parts, or a join to
  // products and producers, makes SQLite run the grouping as a co-routine, several times slower.
  const perProduct = new Map<number, SumRow & { product_id: number; producer_id: number }>();
  for (const read of productReadsOf(input.from, input.to, producerId)) {
    for (const r of db.prepare(read.sql).all(...read.args) as (SumRow & { product_id: number; producer_id: number })[]) {
      const into = perProduct.get(r.product_id);
      if (!into) perProduct.set(r.product_id, r);
      else for (const k of SUM_KEYS) into[k] += r[k];
    }
  }
  const grouped = [...perProduct.values()];
  const productNames = new Map((db.prepare('SELECT id, name FROM products').raw().all() as [number, string][]).map(([id, name]) => [id, name]));
  const producerNames = new Map(
    (db.prepare('SELECT id, name, short_name FROM producers').raw().all() as [number, string, string][]).map(([id, name, short]) => [id, { name, short }]),
  );
  const products = grouped.map((g) => ({
    ...g,
    product_name: productNames.get(g.product_id) ?? '',
    short_name: producerNames.get(g.producer_id)?.short ?? '',
    producer_name: producerNames.get(g.producer_id)?.name ?? '',
  }));
  // Every producer's days from the kept day totals (one row a day); one producer's from their day × product rows.
  const days = (
    producerId === null
      ? db.prepare(`SELECT day, ${SUMS} FROM sales_day_totals WHERE day >= ? AND day <= ? GROUP BY day ORDER BY day`).all(input.from, input.to)
      : db.prepare(`SELECT day, ${SUMS} FROM sales_days WHERE day >= ? AND day <= ? AND producer_id = ? GROUP BY day ORDER BY day`).all(input.from, input.to, producerId)
  ) as (SumRow & { day: string })[];

  const totals = zero();
  const byProducer = new Map<number, SalesReport['byProducer'][number]>();
  const byProduct: SalesReport['byProduct'] = [];
  for (const r of products) {
    const f = figures(r);
    addInto(totals, f);
    byProduct.push({ productId: r.product_id, productName: r.product_name, producerId: r.producer_id, producerShortName: r.short_name, ...f });
    const p = byProducer.get(r.producer_id) ?? { producerId: r.producer_id, producerName: r.producer_name, ...zero() };
    addInto(p, f);
    byProducer.set(r.producer_id, p);
  }
  const week = weekEndWeekday(ctx);
  const periods: SalesReport['periods'] = [];
  for (const d of days) {
    const key = salesPeriodOf(d.day, grouping, week);
    let last = periods.at(-1);
    if (!last || last.from !== key.from) {
      last = { ...key, ...zero() };
      periods.push(last);
    }
    addInto(last, figures(d));
  }

  const payRows =
    producerId !== null
      ? []
      : (db
          .prepare(
            `SELECT method, SUM(sales) AS sales, SUM(taken) AS taken, SUM(void_sales) AS void_sales, SUM(voided) AS voided,
                    SUM(refunds) AS refunds, SUM(refunded) AS refunded
               FROM sales_day_payments WHERE day >= ? AND day <= ? GROUP BY method`,
          )
          .all(input.from, input.to) as { method: PaymentMethod; sales: number; taken: number; void_sales: number; voided: number; refunds: number; refunded: number }[]);
  const order: PaymentMethod[] = ['cash', 'qris', 'transfer'];
  const payments = order.map((method) => {
    const r = payRows.find((p) => p.method === method);
    const taken = (r?.taken ?? 0) - (r?.voided ?? 0);
    return {
      method,
      sales: (r?.sales ?? 0) - (r?.void_sales ?? 0),
      taken,
      voidedSales: r?.void_sales ?? 0,
      voided: r?.voided ?? 0,
      refunds: r?.refunds ?? 0,
      refunded: r?.refunded ?? 0,
      net: taken - (r?.refunded ?? 0),
    };
  });
  const counts =
    producerId !== null
      ? { sales: 0, voidedSales: 0, refundCount: 0 }
      : {
          sales: payments.reduce((s, p) => s + p.sales, 0),
          voidedSales: payments.reduce((s, p) => s + p.voidedSales, 0),
          refundCount: payments.reduce((s, p) => s + p.refunds, 0),
        };
  const byNet = <T extends { net: number }>(a: T, b: T) => b.net - a.net;
  return {
    from: input.from,
    to: input.to,
    grouping,
    producerId,
    totals: { ...totals, ...counts },
    byProduct: byProduct.sort((a, b) => byNet(a, b) || a.productName.localeCompare(b.productName)),
    byProducer: [...byProducer.values()].sort((a, b) => byNet(a, b) || a.producerName.localeCompare(b.producerName)),
    periods,
    payments: producerId === null ? payments : [],
  };
}
