import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The benchmark still runs: `--quick` generates a small shop through the same
 * generator (bulk-loaded weeks, then weeks through the core), measures every
 * row and writes the JSON. Its timings are not checked here (speed targets
 * are not timed tests); that every row is there and measured is.
 */
const ROWS = [
  'sales_create',
  'lookup_barcode',
  'lookup_short_code',
  'settlements_preview',
  'settlements_finalize',
  'reports_trust',
  'insight_producer',
  'insight_reorder',
  'insight_statement',
  'insight_shop',
  'insight_low_stock',
  'ledger_verify_one',
  'ledger_verify_all',
  'sales_create_runtime',
  'sale_during_verify',
  'sale_during_backup',
  'sale_during_export',
  'sale_during_trust',
  'read_during_burst',
  'startup',
  'scan_to_line',
  'screen_settle_preview',
  'screen_settle_list',
  'screen_settle_owed',
  'screen_statement',
  'screen_statement_year',
  'statement_print_year',
  'screen_trust_store',
  'screen_trust_producer',
  'screen_insight',
  'screen_reports',
  'screen_reports_year',
  'screen_reports_all',
  'screen_catalogue',
  'screen_stock',
  'screen_expiry',
  'screen_staff',
  'screen_settings',
  'screen_heap_max',
  'ledger_balances',
  'list_page',
  'statement_page',
  'sales_report_year',
  'sales_report_all',
  'pin_unknown_id',
  'backup_create',
  'sales_during_backup',
  'backup_restore',
  'startup_clean',
];

describe('bench: npm run bench -- --quick', () => {
  it('generates the quick shop, measures every row and writes the JSON', () => {
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ukm-mart-bench-test-')), 'bench.json');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const run = spawnSync(tsx, ['tests/bench/bench.ts', '--quick', '--no-browser', '--no-cache', '--json', json], {
      encoding: 'utf8',
      // The quick run now also measures the store runtime, the lists, the backups and the insight rows:
      // about a minute on a loaded 2-core machine.
      timeout: 240_000,
    });
    expect(run.error, String(run.error)).toBeUndefined();
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const out = run.stdout;
    // The table with its header, one line per measurement, and the database size.
    expect(out).toMatch(/\| measurement\s+\|\s+n \|\s+p50 \|\s+p99 \|\s+cpu p50 \| budget/);
    expect(out).toContain('sales.create (3 lines, durable commit)');
    expect(out).toMatch(/database file after (five years|\d+ weeks): [\d.]+ MiB/);
    expect(out).toContain(`figures as JSON: ${json}`);
    expect(out).toMatch(/from then on every event went through the core \([\d,]+ calls/);

    const result = JSON.parse(fs.readFileSync(json, 'utf8')) as {
      scale: string;
      store: { lines: number; settlements: number; payouts: number; coreFrom: string | null };
      rows: { key: string; ms: { n: number; p50: number; p99: number } | null; floorMs: { p50: number } | null; note: string | null }[];
    };
    expect(result.scale).toBe('quick');
    expect(result.rows.map((r) => r.key)).toEqual(ROWS);
    // The Chromium rows (the till's scan, the manager's screens) are skipped with --no-browser.
    const inChromium = (key: string) => key === 'scan_to_line' || key.startsWith('screen_') || key === 'statement_print_year';
    for (const row of result.rows.filter((r) => !inChromium(r.key))) {
      expect(row.ms, `${row.key}: ${row.note}`).not.toBeNull();
      expect(row.ms!.n).toBeGreaterThan(0);
      expect(row.ms!.p50).toBeGreaterThan(0);
      expect(row.ms!.p99).toBeGreaterThanOrEqual(row.ms!.p50);
    }
    expect(result.rows.find((r) => r.key === 'sales_create')!.floorMs!.p50).toBeGreaterThan(0);
    // Raw floors of the same run for the read-heavy rows, and the quiet figure for the rows under load.
    for (const key of ['settlements_preview', 'reports_trust', 'ledger_verify_all', 'sale_during_verify', 'sale_during_backup', 'sale_during_export', 'sale_during_trust', 'read_during_burst']) {
      expect(result.rows.find((r) => r.key === key)!.floorMs!.p50, key).toBeGreaterThan(0);
    }
    for (const row of result.rows.filter((r) => inChromium(r.key))) expect(row.note, row.key).toBe('skipped (--no-browser)');
    // The quick shop: ~20k lines, every settled week settled for every producer, payouts made, the last weeks through the core.
    expect(result.store.lines).toBeGreaterThan(15_000);
    expect(result.store.settlements).toBe(10 * 10);
    expect(result.store.payouts).toBeGreaterThan(50);
    expect(result.store.coreFrom).not.toBeNull();
  }, 250_000);
});
