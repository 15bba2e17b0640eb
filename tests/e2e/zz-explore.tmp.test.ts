import { it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { startE2EApp } from './fixtures';
import { TestClock } from '../helpers/core';
import { DEMO_MANAGER } from '../../shared/domain/demo';
import { renderPaper } from './paper-pages';
const ROUTES = ['sell', 'catalogue', 'intake', 'stock', 'settle', 'trust', 'reports', 'staff', 'settings'];
it('explore', async () => {
  const app = await startE2EApp({ clock: new TestClock('2026-11-28T05:00:00.000Z'), viewport: { width: 1366, height: 768 } });
  try {
    await app.api('setup.complete', { mode: 'demo', storeName: 'UKM Mart KTM Telang' } as never);
    const page = app.page;
    await page.goto(app.host.appUrl);
    const tile = page.getByRole('button', { name: new RegExp(DEMO_MANAGER.name) });
    await tile.click();
    await page.getByLabel('PIN', { exact: true }).fill(DEMO_MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();
    if (process.env.PAPER) {
      await page.getByRole('link', { name: 'Buku Kepercayaan' }).click();
      await page.getByRole('button', { name: 'Cetak laporan' }).click();
      await page.locator('.print-page').waitFor();
      const r = await renderPaper(page, 'demo-trust-report');
      console.log('trust report pages', r.pages, r.contentMm);
      await page.goto(`${app.host.appUrl.split('#')[0]}#/intake`);
      await page.getByRole('button', { name: /Tampilkan TT-/ }).first().click();
      await page.getByLabel('Kertas').selectOption('A5');
      const r2 = await renderPaper(page, 'demo-intake-A5');
      console.log('intake pages', r2.pages, r2.contentMm);
      return;
    }
    for (const lang of ['id', 'en']) {
      if (lang === 'en') await page.locator('.topbar select').selectOption('en');
      for (const r of ROUTES) {
        for (const vp of [[1366, 768], [1024, 768]]) {
          await page.setViewportSize({ width: vp[0]!, height: vp[1]! });
          await page.goto(`${app.host.appUrl.split('#')[0]}#/${r}`);
          await page.waitForTimeout(1200);
          await page.screenshot({ path: `/tmp/shots-t15p/${lang}-${r}-${vp[0]}.png` });
        }
        if (process.env.AXE) {
          const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
          for (const v of res.violations) console.log(lang, r, v.id, v.impact, v.nodes.length, v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
        }
      }
    }
  } finally {
    await app.close();
  }
}, 600_000);
