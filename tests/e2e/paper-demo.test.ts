import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_MANAGER } from '../../shared/domain/demo';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';
import { pageTexts, renderPaper } from './paper-pages';

/*
 * The demo store's paper: the store trust report (six producers, three months)
 * fits one A4 page, not one page and two lines; the A5 intake receipt prints
 * one page, not a blank second one.
 */
describeE2E('paper: no blank or near-empty extra pages (demo store)', () => {
  let app: E2EApp;
  let page: Page;
  beforeAll(async () => {
    app = await startE2EApp({ clock: new TestClock('2026-11-28T05:00:00.000Z') });
    page = app.page;
    page.setDefaultTimeout(10_000);
    await app.api('setup.complete', { mode: 'demo', storeName: 'UKM Mart KTM Telang' });
    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: new RegExp(DEMO_MANAGER.name) }).click({ timeout: 15_000 });
    await page.getByLabel('PIN', { exact: true }).fill(DEMO_MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor({ timeout: 15_000 });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('the store trust report is one A4 page with every producer on it', async () => {
    await page.getByRole('link', { name: 'Buku Kepercayaan' }).click();
    await page.getByRole('button', { name: 'Cetak laporan' }).click();
    await page.locator('.print-page.paper-A4').waitFor();
    const paper = await renderPaper(page, 'demo-trust-report');
    expect(paper.pages).toBe(1);
    const text = pageTexts(paper)[0]!.replace(/\s+/g, ' ');
    for (const name of ['Riyadi', 'Barokah', 'Mekar', 'Mbah Darmi']) expect(text).toContain(name);
    expect(text).toMatch(/Pembayaran terakhir/);
  }, 60_000);

  it('an A5 intake receipt is one page with its prices and the value of the goods', async () => {
    await page.evaluate(() => (window.location.hash = '#/intake'));
    await page.getByRole('button', { name: /^Tampilkan TT-/ }).first().click();
    await page.getByLabel('Kertas').selectOption('A5');
    await page.locator('.print-page.paper-A5').waitFor();
    const paper = await renderPaper(page, 'demo-intake-A5');
    expect(paper.pages).toBe(1);
    expect(paper.text).toMatch(/Nilai barang \(harga setor\)\s+Rp [\d.]+/);
  }, 60_000);
});
