/**
 * Printing from the page, in Chromium. Browser mode: the Print button uses
 * the browser's print with the paper's @page size, and there is no "Save PDF".
 * Desktop mode is simulated with a stand-in preload bridge (`window.ukmMart`)
 * that sends everything to the real core over HTTP except `shell.*`, which it
 * records: the page must print and save through the shell, never window.print.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

const SHOTS = process.env.UKM_MART_SHOTS_DIR ?? path.join(process.env.TMPDIR ?? '/tmp', 'shots-platform');
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

const REPORT_TITLE = 'Buku Kepercayaan — laporan toko';

/** Records window.print() calls with the @page rule and document title in force at that moment. */
function recordWindowPrint() {
  const w = window as unknown as { __prints: { page: string; title: string }[] };
  w.__prints = [];
  window.print = () => {
    w.__prints.push({ page: document.getElementById('page-size')?.textContent ?? '', title: document.title });
  };
}

/** A stand-in for electron/preload.ts: core calls go over HTTP, shell.* calls are recorded and answered. */
function fakeDesktopBridge() {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem('fake-bridge-token', decodeURIComponent(match[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const w = window as unknown as { __shellCalls: { method: string; input: unknown }[]; __prints: number; ukmMart: unknown };
  w.__shellCalls = [];
  w.__prints = 0;
  window.print = () => {
    w.__prints++;
  };
  const answers: Record<string, (input: { fileName?: string }) => unknown> = {
    'shell.printers': () => [
      { name: 'POS58', displayName: 'Thermal POS-58', isDefault: false },
      { name: 'HP_LaserJet', displayName: 'HP LaserJet', isDefault: true },
    ],
    'shell.print': () => ({ printed: true }),
    'shell.savePdf': (input) => ({ file: `/home/toko/.local/share/ukm-mart/documents/${input.fileName}.pdf` }),
  };
  w.ukmMart = {
    async call(method: string, input: { fileName?: string }, session?: string) {
      if (method.startsWith('shell.')) {
        w.__shellCalls.push({ method, input });
        return { ok: true, value: answers[method]!(input) };
      }
      const res = await fetch('/api/rpc', {
        method: 'POST',
        // The renderer hands the bridge its session (issue #11); over HTTP it travels in X-UKM-Session.
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionStorage.getItem('fake-bridge-token')}`, ...(session ? { 'x-ukm-session': session } : {}) },
        body: JSON.stringify({ method, input }),
      });
      const reply = await res.json();
      if (method === 'system.status' && reply.ok) reply.value.shell = 'electron';
      return reply;
    },
    on: () => () => undefined,
  };
}

async function signIn(page: Page) {
  await page.getByLabel(/^PIN$/).fill('1234');
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
  await page.getByRole('navigation').waitFor({ timeout: 15_000 });
}

async function openStoreReport(page: Page) {
  await page.getByRole('link', { name: 'Buku Kepercayaan' }).click();
  await page.getByRole('button', { name: 'Cetak laporan' }).click();
  await page.getByRole('region', { name: REPORT_TITLE }).waitFor();
}

describeE2E('platform: printing in the browser and in the desktop shell', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startE2EApp();
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko Cetak' });
    await app.api('staff.create', { name: 'Bu Ani', role: 'manager', pin: '1234' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("browser: Print uses the browser's print on the document's paper; no Save PDF; settings explain it", async () => {
    const page = await app.browser.newPage();
    await page.addInitScript(recordWindowPrint);
    await page.goto(app.host.appUrl);
    await signIn(page);
    await openStoreReport(page);
    expect(await page.getByRole('button', { name: 'Simpan PDF' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Cetak', exact: true }).click();
    const prints = await page.evaluate(() => (window as unknown as { __prints: unknown[] }).__prints);
    expect(prints).toEqual([{ page: '@page { size: A4 portrait; margin: 0; }', title: REPORT_TITLE }]);
    expect(await page.title()).not.toBe(REPORT_TITLE);
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByRole('heading', { name: 'Pencetakan' }).waitFor();
    await page.getByText(/dialog cetak peramban/).waitFor();
    expect(await page.getByRole('combobox', { name: /^Printer/ }).count()).toBe(0);
    await shot(page, 'print-settings-browser');
    await page.close();
  });

  it('desktop: Print and Save PDF go through the shell; settings choose the printer and silent printing', async () => {
    const page = await app.browser.newPage();
    await page.addInitScript(fakeDesktopBridge);
    await page.goto(app.host.appUrl);
    await signIn(page);
    await openStoreReport(page);
    await page.getByRole('button', { name: 'Cetak', exact: true }).click();
    await page.getByText('Terkirim ke printer.').waitFor();
    await page.getByRole('button', { name: 'Simpan PDF' }).click();
    await page.getByText(`PDF tersimpan: /home/toko/.local/share/ukm-mart/documents/Buku Kepercayaan — laporan toko.pdf`).waitFor();
    await shot(page, 'print-desktop-saved');
    const calls = await page.evaluate(() => (window as unknown as { __shellCalls: unknown[] }).__shellCalls);
    expect(calls).toEqual([
      { method: 'shell.print', input: { paper: 'A4', title: REPORT_TITLE } },
      { method: 'shell.savePdf', input: { paper: 'A4', fileName: REPORT_TITLE } },
    ]);
    expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(0);

    await page.getByRole('link', { name: 'Pengaturan' }).click();
    const printer = page.getByRole('combobox', { name: /^Printer/ });
    await expect.poll(() => printer.locator('option').allTextContents()).toEqual([
      'Printer bawaan sistem (HP LaserJet)',
      'Thermal POS-58',
      'HP LaserJet',
    ]);
    await printer.selectOption('POS58');
    await page.getByLabel('Cetak langsung tanpa dialog cetak').check();
    await page.getByLabel(/^Folder PDF/).fill('/media/usb/dokumen');
    await shot(page, 'print-settings-desktop');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan tersimpan.').waitFor();
    expect(await app.api('settings.get', {})).toMatchObject({ printerName: 'POS58', silentPrint: true, pdfFolder: '/media/usb/dokumen' });
    await page.close();
  });
});
