/**
 * Issue 14 part A: large CSV exports stream. A year of sale lines, the sales
 * by receipt and a producer's ledger entries leave the browser-mode host as a
 * chunked download from a long-work thread (StoreRuntime), behind a one-time
 * link minted for a signed-in manager; the Electron shell's export writes the
 * same bytes into the chosen file. A cashier, no session, a used link and a bad
 * range are refused with a clear message.
 */
import crypto, { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { JobProgress } from '../../shared/contract/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host';
import { exportToChosenFile } from '../../electron/exportStream';
import { TestClock, tempDir } from '../helpers/core';
import { makeTill, addProduct } from './till-fixtures';

const clock = new TestClock('2026-11-02T02:00:00.000Z');
const FROM = '2025-11-01';
const TO = '2026-11-02';
const DAYS = 365;
const SALES_A_DAY = 24;

interface Fixture {
  dataDir: string;
  mgr: { staffId: number; pin: string };
  cashier: { staffId: number; pin: string };
  eggs: number;
  /** The receipts' CSV and the statement's CSV as the JSON methods make them today. */
  receiptsCsv: string;
  statementCsv: string;
  wholeStatementCsv: string;
}

/** A store with a year of sales (a few through the till, the rest written as the till writes them), some voided. */
function yearOfSales(): Fixture {
  const till = makeTill({ clock, dataDir: tempDir() });
  const db = till.db;
  const odd = addProduct(db, till.producers.chips, 'Kue "lapis", legit', { retailPrice: 5000, mode: 'percent', commissionBps: 2000, effectiveFrom: '2025-01-01' });
  const products = [till.products.egg, till.products.chips, till.products.cake, odd].map((id) => {
    const r = db.prepare('SELECT p.id, p.producer_id, t.id AS terms_id, t.retail_price, t.mode, t.producer_price, t.commission_bps FROM products p JOIN product_terms t ON t.product_id = p.id WHERE p.id = ?').get(id) as {
      id: number; producer_id: number; terms_id: number; retail_price: number; mode: 'fixed' | 'percent'; producer_price: number | null; commission_bps: number | null;
    };
    return r;
  });
  let receipt = (db.prepare("SELECT next_value FROM sequences WHERE name = 'receipt'").get() as { next_value: number }).next_value + 10_000;
  const insertSale = db.prepare(
    `INSERT INTO sales (id, receipt_no, shift_id, cashier_id, created_at, subtotal, discount_total, total, payment_method, tendered, change_given, payment_ref, request_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO sale_lines (sale_id, line_no, product_id, producer_id, terms_id, quantity, unit_price, discount, line_total, terms_mode, producer_price, commission_bps, producer_share)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const voidSale = db.prepare("INSERT INTO sale_voids (sale_id, voided_at, shift_id, approved_by, reason) VALUES (?, ?, ?, ?, 'salah input')");
  const start = Date.parse('2025-11-01T01:00:00.000Z');
  db.transaction(() => {
    for (let day = 0; day < DAYS; day++) {
      for (let n = 0; n < SALES_A_DAY; n++) {
        const at = new Date(start + day * 86_400_000 + n * 1_500_000).toISOString();
        const id = randomUUID();
        const lines = products.slice(0, 1 + ((day + n) % 4)).map((p, i) => {
          const quantity = 1 + ((day * 7 + n + i) % 5);
          const gross = quantity * p.retail_price;
          const discount = (n + i) % 9 === 0 ? 500 : 0;
          const lineTotal = gross - discount;
          const share = p.mode === 'fixed' ? quantity * p.producer_price! : lineTotal - Math.round((lineTotal * p.commission_bps!) / 10_000);
          return { p, quantity, discount, lineTotal, share };
        });
        const subtotal = lines.reduce((s, l) => s + l.quantity * l.p.retail_price, 0);
        const discounts = lines.reduce((s, l) => s + l.discount, 0);
        const total = subtotal - discounts;
        insertSale.run(id, receipt++, till.shiftId, till.cashier.staffId, at, subtotal, discounts, total, n % 3 === 0 ? 'qris' : 'cash', total, `fixture-${id}`);
        lines.forEach((l, i) =>
          insertLine.run(id, i + 1, l.p.id, l.p.producer_id, l.p.terms_id, l.quantity, l.p.retail_price, l.discount, l.lineTotal, l.p.mode, l.p.producer_price, l.p.commission_bps, l.share),
        );
        if ((day + n) % 97 === 0) voidSale.run(id, at, till.shiftId, till.mgr.staffId);
      }
    }
  })();
  // And two through the till today, so the sales by receipt are the till's own too.
  till.sale([{ productId: till.products.egg, quantity: 2 }]);
  till.sale([{ productId: till.products.chips, quantity: 1 }, { productId: till.products.cake, quantity: 3 }]);
  // The sale-by-sale export is long work: it reports how many rows it has of how many (and gives way to the till there).
  const rowsProgress: JobProgress[] = [];
  const stop = till.t.core.on('job.progress', (p) => {
    if (p.method === 'reports.salesCsv' && p.phase === 'rows') rowsProgress.push(p);
  });
  const receiptsCsv = till.t.ok('reports.salesCsv', { from: FROM, to: TO, by: 'sale' }).csv;
  stop();
  const saleRows = receiptsCsv.split('\r\n').filter(Boolean).length - 1;
  expect(rowsProgress[0]).toMatchObject({ done: 0, total: saleRows });
  expect(rowsProgress.at(-1)).toMatchObject({ done: saleRows, total: saleRows });
  const statementCsv = till.t.ok('ledger.statementCsv', { producerId: till.producers.eggs, from: '2026-11-01', to: TO }).csv;
  const wholeStatementCsv = till.t.ok('ledger.statementCsv', { producerId: till.producers.eggs }).csv;
  till.t.close();
  return { dataDir: till.t.dataDir, mgr: till.mgr, cashier: till.cashier, eggs: till.producers.eggs, receiptsCsv, statementCsv, wholeStatementCsv };
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length) throw new Error('CSV does not end with CRLF');
  return records;
}

const sha = (lines: string[]) => crypto.createHash('sha256').update(lines.join('\n')).digest('hex');

let fixture: Fixture;
let host: RunningHost;
let manager: string;
let cashier: string;

async function rpc(method: string, input: unknown, session?: string) {
  const res = await fetch(`${host.url}/api/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, ...(session ? { 'x-ukm-session': session } : {}) },
    body: JSON.stringify({ method, input }),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

async function mint(input: unknown, session?: string) {
  const res = await fetch(`${host.url}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, ...(session ? { 'x-ukm-session': session } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: { url: string; filename: string }; error?: { code: string; message: string } };
}

/** A GET with node's http client, to see the transfer encoding and the chunks as they arrive. */
function download(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; chunks: number }> {
  return new Promise((resolve, reject) => {
    http.get(`${host.url}${url}`, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString('utf8'), chunks: parts.length }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

beforeAll(async () => {
  fixture = yearOfSales();
  host = await startHost({ dataDir: fixture.dataDir, now: clock.now, backgroundChecksAfterMs: null });
  const signIn = async (who: { staffId: number; pin: string }) => ((await rpc('auth.signIn', who)).value as { sessionId: string }).sessionId;
  manager = await signIn(fixture.mgr);
  cashier = await signIn(fixture.cashier);
}, 120_000);
afterAll(async () => {
  await host?.close();
});

describe('streamed CSV exports (browser mode)', () => {
  it('a year of sale lines: a chunked download whose rows are the rows in the database (count and checksum)', async () => {
    const minted = await mint({ kind: 'saleLines', from: FROM, to: TO }, manager);
    expect(minted).toMatchObject({ ok: true, value: { filename: `penjualan-baris-${FROM}_${TO}.csv`, url: expect.stringMatching(/^\/api\/export\/[\w-]{32}$/) } });
    const got = await download(minted.value!.url);
    expect(got.status).toBe(200);
    expect(got.headers['transfer-encoding']).toBe('chunked');
    expect(got.headers['content-length']).toBeUndefined();
    expect(got.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(got.headers['content-disposition']).toContain(`filename="penjualan-baris-${FROM}_${TO}.csv"`);
    expect(got.body.length).toBeGreaterThan(1_000_000);
    expect(got.chunks).toBeGreaterThan(10);

    const [header, ...rows] = parseCsv(got.body);
    expect(header).toEqual(['No. struk', 'Waktu', 'Baris', 'Produk', 'Satuan', 'Produsen', 'Jumlah', 'Harga satuan (Rp)', 'Diskon (Rp)', 'Total baris (Rp)', 'Bagian produsen (Rp)', 'Komisi toko (Rp)', 'Status']);

    // The database's own account of the same lines, read straight from the file.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path.join(fixture.dataDir, 'ukm-mart.sqlite'), { readonly: true });
    const dbLines = db
      .prepare(
        `SELECT s.receipt_no, l.line_no, l.quantity, l.unit_price, l.discount, l.line_total, l.producer_share, (v.sale_id IS NOT NULL) AS voided
           FROM sales s JOIN sale_lines l ON l.sale_id = s.id LEFT JOIN sale_voids v ON v.sale_id = s.id
          ORDER BY s.created_at, s.receipt_no, l.line_no`,
      )
      .all() as { receipt_no: number; line_no: number; quantity: number; unit_price: number; discount: number; line_total: number; producer_share: number; voided: number }[];
    db.close();
    expect(dbLines.length).toBeGreaterThan(DAYS * SALES_A_DAY * 2);
    expect(rows).toHaveLength(dbLines.length);
    const fromCsv = rows.map((r) => [r[0], r[2], r[6], r[7], r[8], r[9], r[10], r[12]].join('|'));
    const fromDb = dbLines.map((l) => [l.receipt_no, l.line_no, l.quantity, l.unit_price, l.discount, l.line_total, l.producer_share, l.voided ? 'dibatalkan' : 'selesai'].join('|'));
    expect(sha(fromCsv)).toBe(sha(fromDb));
    // Integer rupiah; the commission is what the producer does not get; the shop's words for the product survive quoting.
    expect(rows.every((r) => /^\d+$/.test(r[9]!) && Number(r[11]) === Number(r[9]) - Number(r[10]))).toBe(true);
    expect(rows.some((r) => r[3] === 'Kue "lapis", legit')).toBe(true);
    expect(rows.some((r) => r[12] === 'dibatalkan')).toBe(true);

    // The link was for one download.
    expect((await download(minted.value!.url)).status).toBe(404);
  });

  it('the sales by receipt and a producer\'s ledger entries stream the same content as the JSON exports', async () => {
    const sales = await mint({ kind: 'sales', from: FROM, to: TO }, manager);
    const receipts = await download(sales.value!.url);
    expect(receipts.status).toBe(200);
    expect(receipts.body).toBe(fixture.receiptsCsv);
    const statement = await mint({ kind: 'statement', producerId: fixture.eggs, from: '2026-11-01', to: TO }, manager);
    expect(statement.ok).toBe(true);
    expect((await download(statement.value!.url)).body).toBe(fixture.statementCsv);
    // Without dates: from the producer's first entry to today, as the JSON export.
    const whole = await mint({ kind: 'statement', producerId: fixture.eggs }, manager);
    expect((await download(whole.value!.url)).body).toBe(fixture.wholeStatementCsv);
  });

  it('refuses a cashier, no session, a bad range, a missing producer, and a plain API call; nothing is streamed', async () => {
    expect(await mint({ kind: 'saleLines', from: FROM, to: TO }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await mint({ kind: 'saleLines', from: FROM, to: TO })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await mint({ kind: 'saleLines', from: TO, to: FROM }, manager)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Tanggal akhir sebelum tanggal awal.' },
    });
    expect(await mint({ kind: 'saleLines', from: '2026-13-01', to: TO }, manager)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await mint({ kind: 'saleLines', to: TO }, manager)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Pilih tanggal awal.' } });
    expect(await mint({ kind: 'statement', from: FROM, to: TO }, manager)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/produsen/) } });
    expect(await rpc('export.stream', { kind: 'saleLines', from: FROM, to: TO }, manager)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/unduhan/) },
    });
    // Without the launch token, no link at all.
    const bare = await fetch(`${host.url}/api/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(bare.status).toBe(401);
    expect((await download('/api/export/not-a-token')).status).toBe(404);
  });

  it('a link whose session has ended since is refused when followed', async () => {
    const who = ((await rpc('auth.signIn', fixture.mgr)).value as { sessionId: string }).sessionId;
    const minted = await mint({ kind: 'sales', from: FROM, to: TO }, who);
    expect(minted.ok).toBe(true);
    expect((await rpc('auth.signOut', {}, who)).ok).toBe(true);
    const got = await download(minted.value!.url);
    expect(got.status).toBe(401);
    expect(JSON.parse(got.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('streamed CSV exports (the Electron shell: into the chosen file)', () => {
  it('writes the same bytes as the download into the file chosen, and nothing when cancelled or refused', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'baris.csv');
    const input = { kind: 'saleLines', from: FROM, to: TO };
    let suggested = '';
    const saved = await exportToChosenFile(host.core, input, manager, async (name) => {
      suggested = name;
      return file;
    });
    expect(saved).toMatchObject({ ok: true, value: { filename: `penjualan-baris-${FROM}_${TO}.csv` } });
    expect(suggested).toBe(`penjualan-baris-${FROM}_${TO}.csv`);
    const viaHttp = await download((await mint(input, manager)).value!.url);
    const written = fs.readFileSync(file, 'utf8');
    expect(written).toBe(viaHttp.body);
    expect(Buffer.byteLength(written, 'utf8')).toBe(saved.ok ? (saved.value as { bytes: number }).bytes : 0);
    expect(fs.existsSync(`${file}.part`)).toBe(false);

    expect(await exportToChosenFile(host.core, input, manager, async () => null)).toEqual({ ok: true, value: null });
    const other = path.join(dir, 'kasir.csv');
    expect(await exportToChosenFile(host.core, input, cashier, async () => other)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await exportToChosenFile(host.core, { ...input, from: TO, to: FROM }, manager, async () => other)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(fs.readdirSync(dir)).toEqual(['baris.csv']);
  });
});

describe('flow control between the export thread and the shell', () => {
  it('lets the export run at most FLOW_WINDOW chunks ahead of the shell, and stops it when the reader goes', async () => {
    const { flowSink, flowControl, newFlow, FLOW_WINDOW } = await import('../../electron/core/runtime/csvFlow');
    const flow = newFlow();
    const posted: string[] = [];
    const sink = flowSink(flow, (c) => posted.push(c), 30);
    const control = flowControl(flow);
    for (let i = 0; i < FLOW_WINDOW - 1; i++) sink(`chunk ${i}`);
    // One more fills the window: with nothing acknowledged the writer waits, then gives up as a stalled reader.
    expect(() => sink('one too many')).toThrow(/dihentikan|stopped/);
    expect(posted).toHaveLength(FLOW_WINDOW);
    // Acknowledged chunks make room again.
    const flow2 = newFlow();
    const sink2 = flowSink(flow2, () => undefined, 30);
    const control2 = flowControl(flow2);
    for (let i = 0; i < 20; i++) {
      sink2(`chunk ${i}`);
      control2.ack();
    }
    // A stopped reader stops the export at its next chunk.
    control2.stop();
    expect(() => sink2('after the reader left')).toThrow(/dihentikan|stopped/);
    control.stop();
  });
});
