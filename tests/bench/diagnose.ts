/**
 * When a figure misses its budget, the output says why, measured on the same
 * database: the query plans of the statements involved and the cost of the
 * part that grows with the years.
 */
import Database from 'better-sqlite3';
import type { Row } from './coreBench';
import { summarize } from './stats';

const medianMs = (n: number, fn: () => void) => {
  const s: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    s.push(performance.now() - t0);
  }
  return summarize(s).p50;
};

function plan(db: Database.Database, sql: string, params: unknown[] | Record<string, unknown>): string {
  try {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params as never) as { detail: string }[];
    return rows.map((r) => r.detail).join('; ');
  } catch (err) {
    return `(no plan: ${(err as Error).message})`;
  }
}

/** Reads an exported SQL string of another area without depending on it at compile time. */
async function exportedSql(modulePath: string, name: string): Promise<string | null> {
  try {
    const mod = (await import(modulePath)) as Record<string, unknown>;
    return typeof mod[name] === 'string' ? (mod[name] as string) : null;
  } catch {
    return null;
  }
}

export async function diagnose(dbFile: string, rows: Row[]): Promise<Map<string, string>> {
  const why = new Map<string, string>();
  const missed = new Set(rows.filter((r) => r.ok === false).map((r) => r.key));
  if (!missed.size) return why;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    if (missed.has('lookup_barcode') || missed.has('lookup_short_code')) {
      const top = db.prepare('SELECT product_id AS id, COUNT(*) AS n FROM stock_movements GROUP BY product_id ORDER BY n DESC LIMIT 1').get() as { id: number; n: number };
      const med = db
        .prepare('SELECT product_id AS id, n FROM (SELECT product_id, COUNT(*) AS n FROM stock_movements GROUP BY product_id) ORDER BY n LIMIT 1 OFFSET (SELECT COUNT(DISTINCT product_id) / 2 FROM stock_movements)')
        .get() as { id: number; n: number };
      const sum = db.prepare('SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE product_id = ?').pluck();
      const topMs = medianMs(20, () => sum.get(top.id));
      const medMs = medianMs(20, () => sum.get(med.id));
      const lookupSql = await exportedSql('../../electron/core/catalogue/lookup', 'LOOKUP_SQL');
      const stockStep = lookupSql
        ? (plan(db, lookupSql, { code: 'x', today: '2026-01-01' }).split('; ').find((d) => /stock_movements/.test(d)) ?? '?')
        : '(LOOKUP_SQL not exported)';
      const text =
        `the lookup sums stock on hand over EVERY movement of the product (its plan's step: ${stockStep}). ` +
        `The index is already covering, so no index helps: the best seller has ${top.n.toLocaleString('en')} movements after five years and that SUM alone takes ${topMs.toFixed(2)} ms ` +
        `(the median product: ${med.n.toLocaleString('en')} movements, ${medMs.toFixed(3)} ms), and the best sellers are what a cashier scans. ` +
        'Fix (catalogue area): keep a running stock level per product (a table updated by an AFTER INSERT trigger on stock_movements) and read on hand from it.';
      why.set('lookup_barcode', text);
      why.set('lookup_short_code', text);
    }
    if (missed.has('startup')) {
      const t0 = performance.now();
      db.pragma('quick_check');
      const t1 = performance.now();
      db.pragma('foreign_key_check');
      const t2 = performance.now();
      let refs = 0;
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
      for (const table of tables) {
        const fks = db.prepare('SELECT COUNT(*) FROM pragma_foreign_key_list(?)').pluck().get(table) as number;
        if (fks) refs += fks * (db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number);
      }
      const pages = db.pragma('page_count', { simple: true }) as number;
      const size = db.pragma('page_size', { simple: true }) as number;
      why.set(
        'startup',
        `the start-up checks read the whole file (${((pages * size) / 2 ** 20).toFixed(0)} MiB): quick_check ${(t1 - t0).toFixed(0)} ms, foreign_key_check ${(t2 - t1).toFixed(0)} ms (a parent lookup for each of ${(refs / 1e6).toFixed(1)} million references); ` +
          'both grow with the years. Fix (platform area): check only what changed since the last clean check at start-up (see the report), the full checks in the background.',
      );
    }
    if (missed.has('settlements_preview')) {
      const sql = await exportedSql('../../electron/core/settlement/unsettled', 'UNSETTLED_SQL');
      why.set('settlements_preview', `plan of the per-producer unsettled query: ${sql ? plan(db, sql, [1, 0, '9999', 0]) : '(UNSETTLED_SQL not exported)'}; profile with node --cpu-prof to see the rest.`);
    }
    if (missed.has('reports_trust')) {
      const s = db.prepare('SELECT (SELECT COUNT(*) FROM settlements) AS s, (SELECT COUNT(*) FROM payouts) AS p').get() as { s: number; p: number };
      why.set('reports_trust', `the report reads ${s.s.toLocaleString('en')} settlements and ${s.p.toLocaleString('en')} payouts (plans: ${plan(db, 'SELECT * FROM settlements', [])}; ${plan(db, 'SELECT * FROM payouts', [])}) and computes in JS; profile with node --cpu-prof.`);
    }
    for (const r of rows) if (r.ok === false && !why.has(r.key)) why.set(r.key, 'no automatic diagnosis: profile with node --cpu-prof');
  } finally {
    db.close();
  }
  return why;
}
