/**
 * Issue #14: the expiry screen reads the kept lots on the shelf (migration
 * 0020). On the demo store (written by the first run's seed, through the core)
 * the screen shows exactly the lots the full replay finds, at the two screen
 * sizes the shop uses; the screenshots are looked at by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/open';
import { QUIET_JOB } from '../../electron/core/runtime/jobs';
import type { CoreContext } from '../../electron/core/context';
import { seedDemoStore } from '../../electron/core/demo/seed';
import { expiryReportReplayAll } from '../../electron/core/stock/expiry';
import { laggingProducts } from '../../electron/core/stock/lotState';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';
import { SHOTS, signInAsManager } from './catalogue-helpers';

describeE2E('expiry screen on the kept lots (issue #14)', () => {
  let app: E2EApp;
  let ctx: CoreContext;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startE2EApp({ clock: new TestClock(new Date()), viewport: { width: 1366, height: 768 } });
    await app.api('setup.complete', { mode: 'empty', storeName: 'UKM Mart KTM Telang' });
    const db = openDatabase(path.join(app.dataDir, DB_FILE_NAME));
    ctx = {
      db,
      now: app.clock!.now,
      lang: () => 'id',
      timeZone: () => 'Asia/Jakarta',
      dataDir: app.dataDir,
      shell: 'browser',
      emit: () => undefined,
      job: QUIET_JOB,
      actor: null,
      session: { open: () => '', end: () => undefined },
      durable: (work) => work(db),
    };
    db.transaction(() => seedDemoStore(ctx)).immediate();
  }, 60_000);
  afterAll(async () => {
    ctx?.db.close();
    await app?.close();
  });

  it('lists the same lots as the full replay, at 1366×768 and 1024×768', async () => {
    // The seed wrote its movements through the core: every product's kept state is current, so the screen reads it.
    expect(laggingProducts(ctx.db)).toEqual([]);
    const report = await app.api('expiry.list', {});
    expect(report).toEqual(expiryReportReplayAll(ctx, {}));
    const lots = report.producers.flatMap((g) => [...g.expired, ...g.expiringSoon]);
    expect(lots.length).toBeGreaterThan(0);

    const page = app.page;
    await page.goto(app.host.appUrl);
    await signInAsManager(page);
    await page.goto(`${app.host.url}/#/stock`);
    await page.getByRole('button', { name: 'Kedaluwarsa' }).click();
    for (const g of report.producers) {
      const card = page.getByRole('article', { name: g.producerName });
      await card.waitFor();
      const text = await card.innerText();
      for (const b of [...g.expired, ...g.expiringSoon]) expect(text).toContain(b.productName);
    }
    await page.screenshot({ path: `${SHOTS}/expiry-kept-1366.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${SHOTS}/expiry-kept-1024.png` });
  });
});
