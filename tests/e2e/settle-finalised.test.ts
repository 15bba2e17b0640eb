import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TestClock } from '../helpers/core';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

/*
 * The week preview of a week that is already finalised: instead of a table of zeros it lists the
 * settlements made for that week (number, producer, total, paid, remaining, due date, status as text
 * with a symbol), each opening the settlement's detail; a week not finalised still shows the preview.
 */
const SHOTS = process.env.SETTLE_SHOTS_DIR ?? '/tmp/shots-polisha';
const MANAGER = { name: 'Pak Kades', pin: '1357' };

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describeE2E('settlement: a finalised week shows its settlements', () => {
  let app: E2EApp;
  let page: Page;
  const clock = new TestClock('2026-10-28T03:00:00.000Z'); // Wednesday 10:00 Jakarta
  let weekEnd = '';
  let numbers: Record<string, { id: number; number: string; totalDue: number }> = {};

  beforeAll(async () => {
    app = await startE2EApp({ clock });
    page = app.page;
    page.setDefaultTimeout(8_000);
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
    const manager = await app.api('staff.create', { name: MANAGER.name, role: 'manager', pin: MANAGER.pin });
    const approval = { staffId: manager.id, pin: MANAGER.pin };
    const made = async (name: string, shortName: string, product: string, producerPrice: number) => {
      const p = await app.api('producers.create', { name, shortName });
      const pr = await app.api('products.create', { producerId: p.id, name: product, unit: 'pcs', terms: { retailPrice: producerPrice + 1_000, mode: 'fixed', producerPrice } });
      return { producer: p, product: pr };
    };
    const telur = await made('Ibu Rohmah Telur Asin', 'ROHMAH', 'Telur asin', 3_000);
    const kopi = await made('Kopi Bukit "Rembang", Madura', 'KOPI', 'Kopi bubuk', 20_000);
    const sambal = await made('Sambal Bu Ana', 'ANA', 'Sambal cumi', 15_000);
    const shift = await app.api('shifts.open', { openingFloat: 100_000 });
    await app.api('sales.create', {
      id: crypto.randomUUID(),
      shiftId: shift.id,
      lines: [
        { productId: telur.product.id, quantity: 10 },
        { productId: kopi.product.id, quantity: 2 },
        { productId: sambal.product.id, quantity: 1 },
      ],
      payment: { method: 'cash', tendered: 100_000 },
    });
    clock.set('2026-11-02T03:00:00.000Z'); // Monday after the week ended
    weekEnd = (await app.api('settlements.period', {})).periodEnd;
    const fin = await app.api('settlements.finalize', { periodEnd: weekEnd, approval });
    numbers = Object.fromEntries(fin.settlements.map((s) => [s.producer.shortName, { id: s.id, number: s.number, totalDue: s.totalDue }]));
    const pay = (key: string, amount: number) =>
      app.api('payouts.create', { id: crypto.randomUUID(), settlementId: numbers[key]!.id, amount, method: 'cash_safe', receiverName: key, approval });
    await pay('ROHMAH', 30_000); // in full
    await pay('KOPI', 10_000); // in part
    clock.set('2026-11-03T03:00:00.000Z'); // the due date: nothing overdue yet
  }, 90_000);
  afterAll(async () => {
    await app?.close();
  });

  it('lists the finalised week’s settlements with their standing and keeps the notice', async () => {
    expect(Object.keys(numbers).sort()).toEqual(['ANA', 'KOPI', 'ROHMAH']);
    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: new RegExp(MANAGER.name) }).click({ timeout: 15_000 });
    await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    await page.evaluate(() => {
      window.location.hash = '#/settle/preview';
    });
    await page.getByLabel('Minggu yang berakhir').selectOption(weekEnd);
    await page.getByText('Periode ini sudah difinalkan.').waitFor();
    // the zero-filled preview is gone, and so is the finalise button
    expect(await page.getByRole('table', { name: 'Pratinjau minggu' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Finalkan setoran minggu ini' }).count()).toBe(0);
    const table = page.getByRole('table', { name: /^Daftar setoran — / });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const rowOf = async (key: string) => (await rows.filter({ hasText: numbers[key]!.number }).innerText()).replace(/\s+/g, ' ');
    expect(await rowOf('ROHMAH')).toMatch(/Ibu Rohmah Telur Asin .*Rp 30\.000 Rp 30\.000 Rp 0 ✓ Lunas/);
    expect(await rowOf('KOPI')).toMatch(/Kopi Bukit "Rembang", Madura .*Rp 40\.000 Rp 10\.000 Rp 30\.000 ◐ Dibayar sebagian/);
    expect(await rowOf('ANA')).toMatch(/Sambal Bu Ana .*Rp 15\.000 Rp 0 Rp 15\.000 ○ Belum dibayar/);
    const due = (await app.api('settlements.get', { id: numbers.ANA!.id })).dueDate;
    const dueText = await page.evaluate(
      ([iso]) => new Intl.DateTimeFormat('id-ID', { day: 'numeric' }).format(new Date(`${iso}T12:00:00Z`)),
      [due] as const,
    );
    expect(await rowOf('ANA')).toContain(dueText);
    const foot = (await table.locator('tfoot').innerText()).replace(/\s+/g, ' ');
    expect(foot).toMatch(/Total semua produsen Rp 85\.000 Rp 40\.000 Rp 45\.000/);
    await shot(page, 'finalised-week');
  }, 60_000);

  it('opens a settlement from the finalised week', async () => {
    await page.getByRole('link', { name: `Buka setoran ${numbers.KOPI!.number}` }).click();
    await expect.poll(() => page.getByTestId('settle-remaining').innerText()).toBe('Rp 30.000');
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/settle/s/${numbers.KOPI!.id}`);
    await shot(page, 'finalised-week-detail');
  }, 30_000);

  it('still previews a week that is not finalised, and shows overdue ones once past due', async () => {
    clock.set('2026-11-12T03:00:00.000Z');
    // Nine days on, the page's session has ended on idle time (issue #11): the manager signs in again.
    await page.reload();
    await page.getByRole('button', { name: new RegExp(MANAGER.name) }).click({ timeout: 15_000 });
    await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    await page.evaluate(() => {
      window.location.hash = '#/settle/preview';
    });
    await page.getByLabel('Tanggal akhir lain').fill('2026-11-08');
    await page.getByRole('table', { name: 'Pratinjau minggu' }).waitFor();
    expect(await page.getByText('Periode ini sudah difinalkan.').count()).toBe(0);
    expect(await page.getByRole('table', { name: /^Daftar setoran — / }).count()).toBe(0);
    await page.getByLabel('Minggu yang berakhir').selectOption(weekEnd);
    const table = page.getByRole('table', { name: /^Daftar setoran — / });
    const ana = table.locator('tbody tr').filter({ hasText: numbers.ANA!.number });
    await expect.poll(async () => (await ana.innerText()).replace(/\s+/g, ' ')).toMatch(/Rp 15\.000 ⚠ Terlambat 9 hari/);
    const kopi = (await table.locator('tbody tr').filter({ hasText: numbers.KOPI!.number }).innerText()).replace(/\s+/g, ' ');
    expect(kopi).toMatch(/Rp 30\.000 ⚠ Terlambat 9 hari/);
    await shot(page, 'finalised-week-overdue');
  }, 30_000);
});
