/**
 * Desktop printing (`shell.print`, `shell.savePdf`, `shell.printers`) without
 * the Electron binary: the window's webContents is a fake that records what it
 * was asked to do; the core is the real one on a temp SQLite file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createIpcHandler } from '../../electron/shellConfig';
import {
  createShellRouter,
  pdfPageSize,
  printPageSize,
  routeShellCall,
  writeNewFile,
  type PdfOptions,
  type PrintableContents,
  type PrinterLike,
  type PrintOptions,
  type PrintSettings,
} from '../../electron/printing';
import { makeTestCore, tempDir } from '../helpers/core';

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7 fake\n');

/** A webContents stand-in: records print/printToPDF calls, answers print with `printAnswer`. */
function fakeContents(printers: PrinterLike[] = [], printAnswer: [boolean, string] = [true, '']) {
  const prints: PrintOptions[] = [];
  const pdfs: PdfOptions[] = [];
  const contents: PrintableContents = {
    print(options, callback) {
      prints.push(options);
      setTimeout(() => callback(...printAnswer), 0);
    },
    async printToPDF(options) {
      pdfs.push(options);
      return PDF_BYTES;
    },
    async getPrintersAsync() {
      return printers;
    },
  };
  return { contents, prints, pdfs };
}

const settings = (over: Partial<PrintSettings> = {}): PrintSettings => ({ printerName: '', silentPrint: false, pdfFolder: '', language: 'en', ...over });
const THERMAL: PrinterLike = { name: 'POS58', displayName: 'Thermal POS-58', options: {} };
const OFFICE: PrinterLike = { name: 'HP_LaserJet', displayName: 'HP LaserJet', options: { 'printer-is-default': 'true' } };

describe('shell.print', () => {
  it('shows the print dialog by default, on the system default printer, A5 by name', async () => {
    const fake = fakeContents();
    const reply = await routeShellCall('shell.print', { paper: 'A5', title: 'Slip pembayaran' }, { contents: fake.contents, settings: settings(), dataDir: tempDir() });
    expect(reply).toEqual({ ok: true, value: { printed: true } });
    expect(fake.prints).toEqual([{ silent: false, printBackground: false, pageSize: 'A5', margins: { marginType: 'none' } }]);
    expect(fake.prints[0]).not.toHaveProperty('deviceName');
  });

  it('prints silently to the chosen printer when configured, on 58 mm roll paper in microns', async () => {
    const fake = fakeContents([OFFICE, THERMAL]);
    const env = { contents: fake.contents, settings: settings({ printerName: 'POS58', silentPrint: true }), dataDir: tempDir() };
    expect(await routeShellCall('shell.print', { paper: '58mm', title: 'Struk 000001' }, env)).toEqual({ ok: true, value: { printed: true } });
    expect(fake.prints).toEqual([
      { silent: true, deviceName: 'POS58', printBackground: false, pageSize: { width: 58_000, height: 297_000 }, margins: { marginType: 'none' } },
    ]);
  });

  it('shows the dialog with the chosen printer preselected when silent printing is off', async () => {
    const fake = fakeContents([THERMAL]);
    await routeShellCall('shell.print', { paper: '80mm', title: 'Z' }, { contents: fake.contents, settings: settings({ printerName: 'POS58' }), dataDir: tempDir() });
    expect(fake.prints[0]).toMatchObject({ silent: false, deviceName: 'POS58', pageSize: { width: 80_000, height: 297_000 } });
  });

  it('refuses, printing nothing, when the chosen printer is not connected', async () => {
    const fake = fakeContents([OFFICE]);
    const reply = await routeShellCall('shell.print', { paper: '58mm', title: 'Struk' }, { contents: fake.contents, settings: settings({ printerName: 'POS58', silentPrint: true, language: 'id' }), dataDir: tempDir() });
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('Printer "POS58" tidak ditemukan') } });
    expect(fake.prints).toEqual([]);
  });

  it('a closed dialog is "not printed", a failed job is an error with the reason', async () => {
    const cancelled = fakeContents([], [false, 'cancelled']);
    expect(await routeShellCall('shell.print', { paper: 'A4', title: 'Laporan' }, { contents: cancelled.contents, settings: settings(), dataDir: tempDir() })).toEqual({
      ok: true,
      value: { printed: false },
    });
    const failed = fakeContents([], [false, 'Print job failed']);
    expect(await routeShellCall('shell.print', { paper: 'A4', title: 'Laporan' }, { contents: failed.contents, settings: settings(), dataDir: tempDir() })).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Could not print "Laporan": Print job failed.' },
    });
  });

  it('validates with the contract schema before touching the window', async () => {
    const fake = fakeContents();
    const env = { contents: fake.contents, settings: settings(), dataDir: tempDir() };
    for (const input of [{ paper: 'A3', title: 'x' }, { paper: '58mm' }, { paper: '58mm', title: 'x', silent: true }, null, 'print']) {
      expect(await routeShellCall('shell.print', input, env), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(fake.prints).toEqual([]);
  });
});

describe('page sizes', () => {
  it('roll paper in microns for print and inches for PDF; A4/A5 by name', () => {
    expect(printPageSize('58mm')).toEqual({ width: 58_000, height: 297_000 });
    expect(printPageSize('80mm')).toEqual({ width: 80_000, height: 297_000 });
    expect(printPageSize('A4')).toBe('A4');
    expect(pdfPageSize('A5')).toBe('A5');
    const roll = pdfPageSize('80mm') as { width: number; height: number };
    expect(roll.width * 25.4).toBeCloseTo(80, 9);
    expect(roll.height * 25.4).toBeCloseTo(297, 9);
  });

  it('roll paper is cut as long as the document the page measured (lengthMm)', async () => {
    expect(printPageSize('58mm', 84)).toEqual({ width: 58_000, height: 84_000 });
    expect(printPageSize('A5', 84)).toBe('A5');
    const fake = fakeContents();
    const env = { contents: fake.contents, settings: settings(), dataDir: tempDir() };
    expect(await routeShellCall('shell.print', { paper: '80mm', title: 'Struk 000012', lengthMm: 123 }, env)).toMatchObject({ ok: true });
    expect(fake.prints[0]).toMatchObject({ pageSize: { width: 80_000, height: 123_000 } });
    expect(await routeShellCall('shell.savePdf', { paper: '58mm', fileName: 'Struk 000012', lengthMm: 77 }, env)).toMatchObject({ ok: true });
    const pdf = fake.pdfs[0]!.pageSize as { width: number; height: number };
    expect(pdf.height * 25.4).toBeCloseTo(77, 9);
    // A length that is not whole mm, or absurd, is refused at the boundary.
    expect(await routeShellCall('shell.print', { paper: '58mm', title: 'x', lengthMm: 12.5 }, env)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await routeShellCall('shell.print', { paper: '58mm', title: 'x', lengthMm: 99_999 }, env)).toMatchObject({ ok: false });
    expect(fake.prints).toHaveLength(1);
  });
});

describe('shell.savePdf', () => {
  it('writes the PDF into <data folder>/documents, adds .pdf, never overwrites', async () => {
    const dataDir = tempDir();
    const fake = fakeContents();
    const env = { contents: fake.contents, settings: settings(), dataDir };
    const first = await routeShellCall('shell.savePdf', { paper: 'A5', fileName: 'Slip TT-000012' }, env);
    const second = await routeShellCall('shell.savePdf', { paper: 'A5', fileName: 'Slip TT-000012.pdf' }, env);
    const docs = path.join(dataDir, 'documents');
    expect(first).toEqual({ ok: true, value: { file: path.join(docs, 'Slip TT-000012.pdf') } });
    expect(second).toEqual({ ok: true, value: { file: path.join(docs, 'Slip TT-000012 (2).pdf') } });
    expect(fs.readFileSync(path.join(docs, 'Slip TT-000012.pdf'))).toEqual(Buffer.from(PDF_BYTES));
    expect(fake.pdfs[0]).toEqual({ pageSize: 'A5', printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  });

  it('uses the PDF folder from settings, with roll paper in inches', async () => {
    const folder = path.join(tempDir(), 'usb', 'slips');
    const fake = fakeContents();
    const reply = await routeShellCall('shell.savePdf', { paper: '58mm', fileName: 'Struk 000003' }, { contents: fake.contents, settings: settings({ pdfFolder: folder }), dataDir: tempDir() });
    expect(reply).toEqual({ ok: true, value: { file: path.join(folder, 'Struk 000003.pdf') } });
    expect(fake.pdfs[0]).toMatchObject({ printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    expect((fake.pdfs[0]!.pageSize as { width: number }).width).toBeCloseTo(58 / 25.4, 9);
  });

  it('refuses names with a folder part or "..", writing nothing anywhere', async () => {
    const dataDir = tempDir();
    const fake = fakeContents();
    const env = { contents: fake.contents, settings: settings({ language: 'id' }), dataDir };
    for (const fileName of ['../escape', '..', 'a/b', 'a\\b', 'C:evil', '/etc/passwd', '.hidden', 'x..pdf', '', '   ', 'a\u0000b', 'x'.repeat(121)]) {
      const reply = await routeShellCall('shell.savePdf', { paper: 'A4', fileName }, env);
      expect(reply, JSON.stringify(fileName)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'fileName' } });
    }
    expect(fake.pdfs).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'documents'))).toBe(false);
    expect(fs.readdirSync(path.dirname(dataDir)).filter((f) => f.startsWith('escape'))).toEqual([]);
    // Behind the schema, the writer itself refuses too.
    expect(() => writeNewFile(path.join(dataDir, 'documents'), '../escape', PDF_BYTES)).toThrow(/unsafe file name/);
  });
});

describe('shell.printers', () => {
  it('lists the printers with a display name and the default marked', async () => {
    const fake = fakeContents([THERMAL, OFFICE, { name: 'Bare', displayName: '' }]);
    expect(await routeShellCall('shell.printers', {}, { contents: fake.contents, settings: settings(), dataDir: tempDir() })).toEqual({
      ok: true,
      value: [
        { name: 'POS58', displayName: 'Thermal POS-58', isDefault: false },
        { name: 'HP_LaserJet', displayName: 'HP LaserJet', isDefault: true },
        { name: 'Bare', displayName: 'Bare', isDefault: false },
      ],
    });
  });
});

describe('routing through the one IPC handler', () => {
  const appFrame = { url: `${APP_ENTRY_URL}#/sell`, parent: null };

  it('sends shell.* to the sender window with the settings of the store, everything else to the core', async () => {
    const t = makeTestCore();
    t.ok('settings.update', { printerName: 'POS58', silentPrint: true });
    const fake = fakeContents([THERMAL]);
    const handle = createIpcHandler(t.core, () => undefined, createShellRouter(t.core));
    const event = { senderFrame: appFrame, sender: fake.contents };
    expect(await handle(event, 'shell.print', { paper: '58mm', title: 'Struk 000001' })).toEqual({ ok: true, value: { printed: true } });
    expect(fake.prints[0]).toMatchObject({ silent: true, deviceName: 'POS58' });
    const saved = await handle(event, 'shell.savePdf', { paper: 'A4', fileName: 'Laporan' });
    expect(saved).toEqual({ ok: true, value: { file: path.join(t.dataDir, 'documents', 'Laporan.pdf') } });
    expect(await handle(event, 'settings.get', {})).toMatchObject({ ok: true, value: { printerName: 'POS58', silentPrint: true, pdfFolder: '' } });
    t.close();
  });

  it('checks the sender first: another page cannot print or save', async () => {
    const t = makeTestCore();
    const fake = fakeContents([THERMAL]);
    const refused: string[] = [];
    const handle = createIpcHandler(t.core, (m) => refused.push(m), createShellRouter(t.core));
    for (const frame of [{ url: 'https://evil.example/', parent: null }, { url: APP_ENTRY_URL, parent: {} }, null]) {
      expect(await handle({ senderFrame: frame, sender: fake.contents }, 'shell.savePdf', { paper: 'A4', fileName: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await handle({ senderFrame: frame, sender: fake.contents }, 'shell.print', { paper: 'A4', title: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(fake.prints).toEqual([]);
    expect(fake.pdfs).toEqual([]);
    expect(refused).toHaveLength(6);
    t.close();
  });

  it('in browser mode (no shell router) the real core answers UNAVAILABLE in both languages', async () => {
    const t = makeTestCore();
    expect(t.core.status().shell).toBe('browser');
    const handle = createIpcHandler(t.core, () => undefined);
    for (const [method, input] of [
      ['shell.print', { paper: '58mm', title: 'Struk' }],
      ['shell.savePdf', { paper: 'A5', fileName: 'Slip' }],
      ['shell.printers', {}],
    ] as const) {
      const id = await handle({ senderFrame: appFrame }, method, input, t.caller().sessionId);
      expect(id, method).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/^Hanya di aplikasi desktop/) } });
    }
    t.ok('settings.update', { language: 'en' });
    expect(t.err('shell.print', { paper: 'A4', title: 'x' })).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^Only in the desktop app/) });
    // The core validates the same schema first.
    expect(t.err('shell.savePdf', { paper: 'A4', fileName: '../x' })).toMatchObject({ code: 'VALIDATION', field: 'fileName' });
    t.close();
  });
});
