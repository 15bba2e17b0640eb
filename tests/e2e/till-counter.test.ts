import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { describeE2E, printRequests, startE2EApp, type E2EApp } from './fixtures';

/*
 * The counter at the pace of Indonesian POS apps (issue #15, items 1–9), in
 * Chromium against the real core: long carts keep the newest line in view, the
 * till fits 1024×768 and 1366×768 with nothing overflowing, codes on tiles and
 * search results, the keys, hold and recall, percent discounts, QRIS, the
 * customer display, and the refund receipt.
 */
const SHOTS = process.env.TILL_SHOTS_DIR ?? '';
const CASHIER = { name: 'Wulan', pin: '2222' };
const MANAGER = { name: 'Bu Rina', pin: '1234' };
const SCAN = 'Pindai atau ketik kode';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;
// 1×1 green PNG, scaled up: enough to prove the image is the one uploaded.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

/**
 * Everything that overflows the window sideways or overlaps another region of
 * the till: [] when the layout is right.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.register *, .topbar *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('dialog:not([open])') || el.closest('.visually-hidden')) continue;
      if (r.right > vw + 0.5) problems.push(`${el.tagName}.${el.className} ends at ${Math.round(r.right)} > ${vw}`);
      // Inside an open dialog, everything stays inside the dialog's box (it clips what does not).
      const dialog = el.closest('dialog[open]')?.getBoundingClientRect();
      if (dialog && (r.right > dialog.right + 0.5 || r.left < dialog.left - 0.5)) problems.push(`${el.tagName}.${el.className} "${(el.textContent ?? '').slice(0, 20)}" sticks out of its dialog`);
      // Content wider than its own box (clipped or spilling text), except boxes that scroll on purpose.
      const style = getComputedStyle(el);
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX === 'visible' && el.children.length === 0 && el.clientWidth > 0) {
        problems.push(`${el.tagName}.${el.className} "${(el.textContent ?? '').slice(0, 30)}" spills: ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    // Nothing inside a tile is cut off by the tile's own edge.
    for (const tile of Array.from(document.querySelectorAll<HTMLElement>('.tile'))) {
      const box = tile.getBoundingClientRect();
      for (const child of Array.from(tile.children)) {
        if (child.getBoundingClientRect().bottom > box.bottom + 1) problems.push(`tile "${tile.textContent?.slice(0, 20)}" cuts off "${child.textContent?.slice(0, 20)}"`);
        // …and nothing in it is clipped by its own box.
        if (getComputedStyle(child).overflow !== 'visible' && child.scrollHeight > child.clientHeight + 1) problems.push(`tile "${tile.textContent?.slice(0, 20)}" squeezes "${child.textContent?.slice(0, 20)}"`);
      }
    }
    const regions = ['.scan-form', '.cart-scroll, .cart-empty', '.quick-pick', '.grand-total', '.pay-button', '.park-buttons', '.shortcuts']
      .map((sel) => [sel, document.querySelector(sel)?.getBoundingClientRect()] as const)
      .filter((x): x is readonly [string, DOMRect] => !!x[1]);
    for (let i = 0; i < regions.length; i++) {
      for (let j = i + 1; j < regions.length; j++) {
        const [a, ra] = regions[i]!;
        const [b, rb] = regions[j]!;
        const overlap = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 1 && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 1;
        if (overlap) problems.push(`${a} overlaps ${b}`);
      }
    }
    const total = document.querySelector<HTMLElement>('[data-testid="grand-total"]');
    if (total) {
      const lh = parseFloat(getComputedStyle(total).fontSize) * 1.6;
      if (total.getBoundingClientRect().height > lh) problems.push(`the total wraps: ${total.getBoundingClientRect().height} px high`);
    }
    return problems;
  });
}

/** The highlighted (newest or changed) line is inside the visible part of the cart box and of the window. */
function lastLineVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const row = document.querySelector('tr.last-line');
    const box = document.querySelector('.cart-scroll');
    const head = document.querySelector('.cart-scroll thead');
    if (!row || !box || !head) return false;
    const r = row.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    // Below the sticky header row, above the bottom of the box and of the window.
    return r.top >= head.getBoundingClientRect().bottom - 1 && r.bottom <= b.bottom + 1 && r.bottom <= window.innerHeight;
  });
}

describeE2E('the counter: long carts, 1024×768, codes, keys, hold, discounts, QRIS, customer display, refund receipt', () => {
  let app: E2EApp;
  let page: Page;
  let keys = 0;
  const press = async (key: string) => {
    keys += 1;
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    keys += text.length;
    await page.keyboard.type(text);
  };
  const total = () => page.getByTestId('grand-total').innerText();
  // The session stays attached: detaching it ends the throttling.
  let cdp: CDPSession | undefined;
  const slowCpu = async (rate: number) => {
    cdp ??= await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  };

  beforeAll(async () => {
    app = await startE2EApp({ viewport: SIZES[0] });
    page = app.page;
    page.setDefaultTimeout(10_000);
    await app.api('setup.complete', { mode: 'empty', storeName: 'Toko UKM Telang' });
    const first = await app.api('staff.create', { name: MANAGER.name, role: 'manager', pin: MANAGER.pin });
    await app.api('staff.create', { name: CASHIER.name, role: 'cashier', pin: CASHIER.pin, approval: { staffId: first.id, pin: MANAGER.pin } });
    const producers = await Promise.all(
      ['Ibu Rohmah Telur Asin', 'Kelompok Keripik Telang', 'Dapur Bu Nur Kue Basah'].map((name, i) => app.api('producers.create', { name, shortName: ['ROHMAH', 'KKT', 'BUNUR'][i]! })),
    );
    const names = ['Telur asin bakar', 'Keripik singkong balado pedas manis', 'Kue bolu pandan', 'Kelanting original', 'Rengginang udang', 'Dodol nangka', 'Peyek kacang', 'Keripik pisang manis', 'Emping melinjo', 'Kerupuk ikan tenggiri', 'Wajik ketan', 'Lapis legit', 'Opak singkong', 'Sale pisang', 'Jenang'];
    for (let i = 0; i < names.length; i++) {
      await app.api('products.create', {
        producerId: producers[i % 3]!.id,
        name: names[i]!,
        unit: 'pcs',
        shortCode: `K${i + 1}`,
        ...(i === 0 ? { barcode: '8991000000011' } : {}),
        ...(i % 2 === 0 ? { tileColor: ['#f4d35e', '#90be6d', '#f9844a', '#43aa8b'][i % 4] } : {}),
        // Dodol nangka (K6) at Rp 12.345: 10% of it needs rounding (the discount test).
        terms: { retailPrice: names[i] === 'Dodol nangka' ? 12_345 : 3_500 + i * 1_250, mode: 'percent', commissionBps: 2_000 },
      });
    }
    await app.api('settings.update', { discountLimitBps: 1_000, approval: { staffId: first.id, pin: MANAGER.pin } } as never);
    await app.api('qris.set', { dataUrl: PNG, approval: { staffId: first.id, pin: MANAGER.pin } });

    await page.goto(app.host.appUrl);
    await page.getByRole('button', { name: new RegExp(CASHIER.name) }).click();
    await page.keyboard.type(CASHIER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Buka shift' }).waitFor();
    // Signed in already: the shift opens in her name, no second PIN.
    await page.keyboard.type('200000');
    await page.keyboard.press('Enter');
    await page.getByLabel(SCAN).waitFor();
  }, 90_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows the short code and barcode on tiles and search results', async () => {
    const tile = page.getByRole('button', { name: /Telur asin bakar/ });
    await expect.poll(() => tile.innerText()).toMatch(/K1[\s\S]*8991000000011/);
    await page.keyboard.press('F2');
    await page.keyboard.type('pandan');
    await expect.poll(() => page.getByRole('option', { name: /Kue bolu pandan/ }).innerText()).toContain('K3');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedLabel(page)).toBe(SCAN);
  });

  it('counts the keys of a 3-item cash sale paid with a 50.000 note', async () => {
    // A slow shop laptop (CPU slowed 8×) for this and the next test: a key pressed the moment a
    // screen appears must reach that screen. With the till's key listener and focus set in passive
    // effects, an Enter on the "sale done" screen was lost here about one run in three (and on CI).
    await slowCpu(8);
    keys = 0;
    for (const code of ['K1', 'K2', 'K4']) {
      await type(code);
      await press('Enter');
    }
    await press('F9');
    await type('50000');
    await press('Enter');
    await expect.poll(() => page.getByTestId('done-change').innerText()).toMatch(/^Rp /);
    console.log(`[till-counter] keystrokes for a 3-item cash sale with a 50.000 note: ${keys}`);
    expect(keys).toBeLessThanOrEqual(19);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe(SCAN);
  });

  it('keys do what they say: Esc asks with "No" focused, a quick note then Enter pays, abc*101 is a bad quantity', async () => {
    await page.keyboard.type('abc*101');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('Jumlah sebelum * tidak sah.');
    await page.keyboard.type('K5');
    await page.keyboard.press('Enter');
    await expect.poll(total).toBe('Rp 8.500');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Batalkan penjualan ini?' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Tidak');
    await page.keyboard.press('Enter');
    await expect.poll(total).toBe('Rp 8.500'); // Esc then Enter keeps the cart
    await page.keyboard.press('F9');
    await page.getByRole('button', { name: 'Uang Rp 10.000' }).click();
    await expect.poll(() => page.getByTestId('change').innerText()).toBe('Rp 1.500');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('done-change').innerText()).toBe('Rp 1.500');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe(SCAN);
    await slowCpu(1);
  });

  it('long carts: the newest and the changed line stay in view and highlighted; nothing overflows at 1366×768 and 1024×768', async () => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect.poll(() => layoutProblems(page)).toEqual([]);
      await shot(page, `till-empty-${size.width}`);
    }
    for (let i = 1; i <= 12; i++) {
      await page.keyboard.type(`K${i}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => lastLineVisible(page)).toBe(true);
    }
    // Scanning the first product again changes line 1, far above: it is scrolled back into view.
    await page.keyboard.type('K1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('tr.last-line').innerText()).toContain('Telur asin bakar');
    await expect.poll(() => lastLineVisible(page)).toBe(true);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect.poll(() => lastLineVisible(page)).toBe(true);
      await expect.poll(() => layoutProblems(page)).toEqual([]);
      await shot(page, `till-12-lines-${size.width}`);
    }
    await page.setViewportSize(SIZES[0]);
  });

  it('holds the cart, serves the next customer, and recalls it once, also after a reload', async () => {
    const held = await total();
    await page.keyboard.press('F6');
    await expect.poll(() => page.getByTestId('till-message').innerText()).toContain(held);
    await expect.poll(() => page.locator('.cart-empty').count()).toBe(1);
    // The next customer.
    await page.keyboard.type('K3');
    await page.keyboard.press('Enter');
    await page.keyboard.press('F9');
    await page.keyboard.press('Enter'); // no amount: refused, says so
    await page.getByRole('button', { name: 'Uang pas' }).click();
    await page.getByTestId('done-change').waitFor();
    await page.keyboard.press('Enter');
    await page.reload();
    // A reload keeps the session the core still holds (no lock screen); the parked cart lives in the database.
    await page.getByLabel(SCAN).waitFor();
    expect(await page.getByRole('region', { name: 'Staf yang masuk' }).innerText()).toContain(CASHIER.name);
    await page.keyboard.press('F7');
    const list = page.getByTestId('parked-list');
    await expect.poll(() => list.innerText()).toContain(held);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect.poll(() => layoutProblems(page)).toEqual([]);
      await shot(page, `till-parked-${size.width}`);
    }
    await page.setViewportSize(SIZES[0]);
    await expect.poll(() => focusedLabel(page)).toMatch(/^Ambil keranjang/);
    await page.keyboard.press('Enter');
    await expect.poll(total).toBe(held);
    expect(await app.api('sales.parked', {})).toEqual([]);
    // Cancel it (Esc, then the confirm button on purpose) for the next test: once the parked list has closed,
    // so the Esc goes to the cart and not to the closing list (a loaded machine let it land there).
    await list.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Ya, kosongkan' }).click();
    await expect.poll(() => page.locator('.cart-empty').count()).toBe(1);
  });

  it('gives a 10% discount in percent on a Rp 12.345 line without asking a PIN (the one shared rule)', async () => {
    await page.keyboard.type('K6');
    await page.keyboard.press('Enter');
    const line = ((await app.api('products.list', {})).rows).find((p) => p.name === 'Dodol nangka')!;
    const price = line.terms!.retailPrice;
    expect(price).toBe(12_345);
    await page.getByRole('button', { name: 'Diskon Dodol nangka' }).click();
    await page.getByRole('radio', { name: 'Persen' }).check();
    await page.getByLabel('Diskon baris (%)').fill('10');
    const expected = Math.floor((price * 1_000 + 5_000) / 10_000);
    await expect.poll(() => page.getByTestId('discount-rupiah').innerText()).toContain(`Rp ${expected.toLocaleString('id-ID')}`);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    // No manager PIN dialog: the discount is on the line at once.
    await expect.poll(total).toBe(`Rp ${(price - expected).toLocaleString('id-ID')}`);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('QRIS: the store image large with the amount; the customer display follows live; the cashier confirms', async () => {
    const display = await page.context().newPage();
    display.setDefaultTimeout(10_000);
    display.on('console', (m) => console.log('[display]', m.text()));
    display.on('pageerror', (e) => console.log('[display error]', e.message));
    await display.goto(`${app.host.url}/customer`);
    await display.getByTestId('customer-display').waitFor();
    await expect.poll(() => display.getByTestId('customer-total').innerText()).toBe(await total());
    await page.bringToFront();
    await page.keyboard.type('2*K2');
    await page.keyboard.press('Enter');
    await expect.poll(() => display.getByTestId('customer-total').innerText()).toBe(await total());
    await expect.poll(() => display.locator('li.latest').innerText()).toContain('Keripik singkong balado');
    await page.keyboard.press('F9');
    await page.getByRole('radio', { name: 'QRIS' }).check();
    const qris = page.getByTestId('qris-pay');
    await expect.poll(() => qris.locator('img').getAttribute('src')).toBe(PNG);
    expect(await qris.innerText()).toContain(await page.getByTestId('pay-total').innerText());
    await expect.poll(() => display.locator('.customer-qris img').getAttribute('src')).toBe(PNG);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await display.setViewportSize(size);
      await expect.poll(() => layoutProblems(page)).toEqual([]);
      await shot(page, `till-pay-qris-${size.width}`);
      await shot(display, `customer-display-qris-${size.width}`);
    }
    await page.setViewportSize(SIZES[0]);
    await page.getByRole('button', { name: 'Pembayaran QRIS berhasil' }).click();
    await page.getByText(/Tersimpan: struk no\./).waitFor();
    await expect.poll(() => display.getByTestId('customer-change').innerText()).toContain('Terima kasih');
    const sales = (await app.api('sales.list', {})).rows;
    expect(sales[0]!.payment.method).toBe('qris');
    await page.keyboard.press('Enter');
    await page.keyboard.type('K4');
    await page.keyboard.press('Enter');
    await page.keyboard.press('F9');
    await page.keyboard.type('20000');
    await expect.poll(() => display.locator('.customer-change strong').innerText()).toBe(await page.getByTestId('change').innerText());
    await page.keyboard.press('Enter');
    await page.getByTestId('done-change').waitFor();
    for (const size of SIZES) {
      await display.setViewportSize(size);
      await shot(display, `customer-display-change-${size.width}`);
    }
    await display.close();
    await page.keyboard.press('Enter');
  });

  it('prints a numbered refund receipt naming the original receipt for every refund', async () => {
    const sale = (await app.api('sales.list', {})).rows[0]!;
    await page.keyboard.press('F4');
    await page.getByRole('button', { name: new RegExp(`Retur.*${String(sale.receiptNo).padStart(6, '0')}`) }).click();
    await page.getByLabel(/Jumlah retur/).first().fill('1');
    await page.getByLabel(/Alasan/).fill('kemasan rusak');
    await page.getByRole('button', { name: 'Catat retur' }).click();
    await page.getByLabel('PIN pengelola').fill(MANAGER.pin);
    await page.keyboard.press('Enter');
    const slip = page.getByTestId('refund-receipt');
    await slip.waitFor();
    expect(await slip.innerText()).toMatch(/STRUK RETUR[\s\S]*RF-000001[\s\S]*Struk asal\s*\n?\s*\d{6}/);
    expect(await slip.innerText()).toContain(String(sale.receiptNo).padStart(6, '0'));
    await expect.poll(() => printRequests(page)).toContain('Struk retur RF-000001');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const dir = SHOTS || fs.mkdtempSync('/tmp/refund-');
    fs.writeFileSync(path.join(dir, 'refund-receipt.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'refund-receipt.pdf'), '-']).toString('utf8');
    expect(text).toMatch(/STRUK RETUR/);
    expect(text).toContain('RF-000001');
    if (SHOTS) execFileSync('pdftoppm', ['-png', '-r', '60', path.join(dir, 'refund-receipt.pdf'), path.join(SHOTS, 'refund-receipt')]);
  });

  it('a manager uploads the store QRIS image in Settings with a PIN; it is kept in the database', async () => {
    await page.getByRole('button', { name: 'Kunci' }).click();
    await page.getByRole('button', { name: new RegExp(MANAGER.name) }).click();
    await page.keyboard.type(MANAGER.pin);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    const panel = page.getByRole('region', { name: 'QRIS toko' });
    await panel.waitFor();
    // A 2×2 PNG, different from the one uploaded through the API.
    const png2 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYPjPwMDAxMDAwMDAAAANHQEDK+mmyAAAAABJRU5ErkJggg==', 'base64');
    await panel.getByLabel('Berkas gambar QRIS').setInputFiles({ name: 'qris.png', mimeType: 'image/png', buffer: png2 });
    await panel.getByRole('button', { name: 'Simpan QRIS' }).click();
    await page.getByRole('textbox', { name: 'PIN pengelola', exact: true }).fill(MANAGER.pin);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('status').innerText()).toBe('Gambar QRIS disimpan.');
    expect((await app.api('qris.get', {})).dataUrl).toBe(`data:image/png;base64,${png2.toString('base64')}`);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'settings-qris-1366');
  });
});
