/** The desktop print settings: defaults, saving, and what is refused. */
import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../helpers/core';

describe('print settings', () => {
  it('default to the system printer, the print dialog and <data folder>/documents', () => {
    const t = makeTestCore();
    expect(t.ok('settings.get', {})).toMatchObject({ printerName: '', silentPrint: false, pdfFolder: '' });
    t.close();
  });

  it('are saved (trimmed) and audited', () => {
    const t = makeTestCore();
    const saved = t.ok('settings.update', { printerName: ' POS58 ', silentPrint: true, pdfFolder: '/media/usb/slip' });
    expect(saved).toMatchObject({ printerName: 'POS58', silentPrint: true, pdfFolder: '/media/usb/slip', storeName: 'UKM Mart' });
    const row = t.core.db!.prepare("SELECT action, after_json FROM audit_log WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1").get() as
      | { action: string; after_json: string }
      | undefined;
    expect(row?.action).toBe('settings.update');
    expect(JSON.parse(row!.after_json)).toMatchObject({ printerName: 'POS58', silentPrint: true });
    t.ok('settings.update', { printerName: '', pdfFolder: 'C:\\Dokumen\\Toko' });
    expect(t.ok('settings.get', {})).toMatchObject({ printerName: '', silentPrint: true, pdfFolder: 'C:\\Dokumen\\Toko' });
    t.close();
  });

  it('refuse a relative PDF folder and a silent flag that is not a boolean, changing nothing', () => {
    const t = makeTestCore();
    expect(t.err('settings.update', { pdfFolder: 'documents' })).toMatchObject({ code: 'VALIDATION', field: 'pdfFolder', message: expect.stringContaining('jalur lengkap') });
    expect(t.err('settings.update', { silentPrint: 'yes', storeName: 'Toko Baru' })).toMatchObject({ code: 'VALIDATION', field: 'silentPrint' });
    expect(t.err('settings.update', { printerName: 'p'.repeat(201) })).toMatchObject({ code: 'VALIDATION', field: 'printerName' });
    expect(t.ok('settings.get', {})).toMatchObject({ storeName: 'UKM Mart', silentPrint: false, pdfFolder: '' });
    t.close();
  });
});
