/**
 * Daily sales kept per store-local day and product (migrations/0014_kept_sums.sql),
 * written by triggers with every sale, void and refund, and their coarser sums
 * per month × product and per day (migrations/0019_sales_months.sql, moved by
 * triggers on the day rows). Reports over any range read these, not the sale
 * lines. `verifyDailySales` recomputes the days from the lines and the coarser
 * sums from the days; `rebuildDailySales` refills them all when the store's
 * time zone changes (a local day is the UTC instant moved by the zone's offset).
 */
import type Database from 'better-sqlite3';
import { zoneOffsetMinutes } from '../../../shared/domain/time';
import type { KeptSumProblem } from '../../../shared/contract/ledger';

const DAY = (column: string) => `date(${column}, (SELECT modifier FROM sales_day_clock))`;

/** The days as the lines say they are: sales (voided ones apart, on the sale's day) and refunds (on the refund's day). */
const ACTUAL_DAYS = `
  SELECT day, product_id, MIN(producer_id) AS producer_id,
         SUM(units) AS units, SUM(gross) AS gross, SUM(discounts) AS discounts, SUM(net) AS net, SUM(producer_share) AS producer_share,
         SUM(void_units) AS void_units, SUM(void_gross) AS void_gross, SUM(void_discounts) AS void_discounts,
         SUM(void_net) AS void_net, SUM(void_share) AS void_share,
         SUM(refund_units) AS refund_units, SUM(refund_net) AS refund_net, SUM(refund_share) AS refund_share
    FROM (
      SELECT ${DAY('s.created_at')} AS day, l.product_id, l.producer_id,
             l.quantity AS units, l.quantity * l.unit_price AS gross, l.discount AS discounts, l.line_total AS net, l.producer_share,
             IIF(v.sale_id IS NULL, 0, l.quantity) AS void_units, IIF(v.sale_id IS NULL, 0, l.quantity * l.unit_price) AS void_gross,
             IIF(v.sale_id IS NULL, 0, l.discount) AS void_discounts, IIF(v.sale_id IS NULL, 0, l.line_total) AS void_net,
             IIF(v.sale_id IS NULL, 0, l.producer_share) AS void_share,
             0 AS refund_units, 0 AS refund_net, 0 AS refund_share
        FROM sales s JOIN sale_lines l ON l.sale_id = s.id LEFT JOIN sale_voids v ON v.sale_id = s.id
      UNION ALL
      SELECT ${DAY('r.refunded_at')}, l.product_id, l.producer_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, rl.quantity, rl.amount, rl.producer_share
        FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id JOIN sale_lines l ON l.id = rl.sale_line_id
    ) GROUP BY day, product_id`;

const ACTUAL_PAYMENTS = `
  SELECT day, method, SUM(sales) AS sales, SUM(taken) AS taken, SUM(void_sales) AS void_sales, SUM(voided) AS voided,
         SUM(refunds) AS refunds, SUM(refunded) AS refunded
    FROM (
      SELECT ${DAY('s.created_at')} AS day, s.payment_method AS method, 1 AS sales, s.total AS taken,
             IIF(v.sale_id IS NULL, 0, 1) AS void_sales, IIF(v.sale_id IS NULL, 0, s.total) AS voided, 0 AS refunds, 0 AS refunded
        FROM sales s LEFT JOIN sale_voids v ON v.sale_id = s.id
      UNION ALL
      SELECT ${DAY('r.refunded_at')}, r.method, 0, 0, 0, 0, 1, r.amount FROM refunds r
    ) GROUP BY day, method`;

const DAY_COLUMNS =
  'day, product_id, producer_id, units, gross, discounts, net, producer_share, void_units, void_gross, void_discounts, void_net, void_share, refund_units, refund_net, refund_share';
const PAYMENT_COLUMNS = 'day, method, sales, taken, void_sales, voided, refunds, refunded';

const SUM_COLUMNS = [
  'units', 'gross', 'discounts', 'net', 'producer_share', 'void_units', 'void_gross', 'void_discounts', 'void_net', 'void_share',
  'refund_units', 'refund_net', 'refund_share',
];
const MONTH_COLUMNS = `month, product_id, producer_id, ${SUM_COLUMNS.join(', ')}`;
const TOTAL_COLUMNS = `day, ${SUM_COLUMNS.join(', ')}`;
const summed = SUM_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ');
/** Whether the coarser sums exist (a store before migration 0019 has only the days). */
const hasCoarseSums = (db: Database.Database) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sales_months'").get();
/** The month × product and per-day sums as the kept days say they are. */
const MONTHS_OF_DAYS = `SELECT substr(day, 1, 7) AS month, product_id, MIN(producer_id) AS producer_id, ${summed} FROM sales_days GROUP BY 1, 2`;
const TOTALS_OF_DAYS = `SELECT day, ${summed} FROM sales_days GROUP BY day`;

/** The SQLite date modifier that turns a UTC instant into the zone's local date (its offset now). */
export function dayModifier(timeZone: string, at: Date = new Date()): string {
  const minutes = zoneOffsetMinutes(at, timeZone);
  return `${minutes >= 0 ? '+' : '-'}${Math.abs(minutes)} minutes`;
}

/** Refills the kept days for a (new) time zone. Runs inside the caller's transaction. */
export function rebuildDailySales(db: Database.Database, timeZone: string): void {
  db.prepare('UPDATE sales_day_clock SET modifier = ? WHERE id = 1').run(dayModifier(timeZone));
  // The coarser sums are emptied with the days: the days' insert trigger (0019) fills them again.
  db.exec('DELETE FROM sales_days; DELETE FROM sales_day_payments;');
  if (hasCoarseSums(db)) db.exec('DELETE FROM sales_months; DELETE FROM sales_day_totals;');
  db.exec(`INSERT INTO sales_days (${DAY_COLUMNS}) SELECT ${DAY_COLUMNS} FROM (${ACTUAL_DAYS})`);
  db.exec(`INSERT INTO sales_day_payments (${PAYMENT_COLUMNS}) SELECT ${PAYMENT_COLUMNS} FROM (${ACTUAL_PAYMENTS})`);
}

/** Rebuilds only when the zone's offset differs from the one the days were kept with. */
export function syncDailySalesClock(db: Database.Database, timeZone: string): boolean {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sales_day_clock'").get()) return false;
  const row = db.prepare('SELECT modifier FROM sales_day_clock WHERE id = 1').get() as { modifier: string } | undefined;
  if (!row || row.modifier === dayModifier(timeZone)) return false;
  rebuildDailySales(db, timeZone);
  return true;
}

export interface DailySalesCheck {
  ok: boolean;
  daysChecked: number;
  problems: KeptSumProblem[];
}

/**
 * Every kept day against the lines it sums, and every kept month × product and
 * day total against the kept days it sums (so against the lines too); the
 * first 20 differences are named.
 */
export function verifyDailySales(db: Database.Database): DailySalesCheck {
  const problems: KeptSumProblem[] = [];
  const differ = (kept: string, actual: string, key: string, cols: string, source = 'its lines') => {
    const rows = db
      .prepare(
        `SELECT 'kept' AS side, * FROM (SELECT ${cols} FROM ${kept} EXCEPT SELECT ${cols} FROM (${actual}))
         UNION ALL
         SELECT 'lines' AS side, * FROM (SELECT ${cols} FROM (${actual}) EXCEPT SELECT ${cols} FROM ${kept}) LIMIT 40`,
      )
      .all() as Record<string, string | number>[];
    const seen = new Set<string>();
    for (const r of rows) {
      const k = key.split(',').map((c) => r[c.trim()]).join(' ');
      if (seen.has(k) || problems.length >= 20) continue;
      seen.add(k);
      const other = rows.find((o) => o.side !== r.side && key.split(',').every((c) => o[c.trim()] === r[c.trim()]));
      const kRow = r.side === 'kept' ? r : other;
      const aRow = r.side === 'lines' ? r : other;
      problems.push({
        what: `${kept} ${k}`,
        kept: kRow ? Number(kRow.net ?? kRow.taken) : null,
        actual: aRow ? Number(aRow.net ?? aRow.taken) : 0,
        message: `The kept ${kept} row for ${k} does not match ${source}`,
      });
    }
  };
  differ('sales_days', ACTUAL_DAYS, 'day, product_id', DAY_COLUMNS);
  differ('sales_day_payments', ACTUAL_PAYMENTS, 'day, method', PAYMENT_COLUMNS);
  if (hasCoarseSums(db)) {
    differ('sales_months', MONTHS_OF_DAYS, 'month, product_id', MONTH_COLUMNS, 'the kept days it sums');
    differ('sales_day_totals', TOTALS_OF_DAYS, 'day', TOTAL_COLUMNS, 'the kept days it sums');
  }
  const daysChecked = (db.prepare('SELECT COUNT(DISTINCT day) AS n FROM sales_day_payments').get() as { n: number }).n;
  return { ok: problems.length === 0, daysChecked, problems };
}
