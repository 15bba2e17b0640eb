import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_MANAGER } from '../../shared/domain/demo';

export const SHOTS = '/tmp/shots-catalogue';
export const PIN = '2468';

/**
 * Signs in through the UI: creates the first manager when the store has none,
 * or picks the demo manager's tile in the demo store, then unlocks.
 */
export async function signInAsManager(page: Page): Promise<void> {
  const first = page.getByRole('heading', { name: /pengelola pertama|first manager/i });
  const nav = page.getByRole('navigation');
  const demoTile = page.getByRole('button', { name: new RegExp(DEMO_MANAGER.name) });
  await expect
    .poll(
      async () =>
        (await first.isVisible()) || (await nav.isVisible()) || (await demoTile.isVisible()) || (await page.getByLabel('PIN', { exact: true }).isVisible()),
      { timeout: 15_000 },
    )
    .toBe(true);
  let pinValue = PIN;
  if (await demoTile.isVisible()) {
    await demoTile.click();
    pinValue = DEMO_MANAGER.pin;
  }
  if (await first.isVisible()) {
    await page.getByLabel('Nama', { exact: true }).fill('Bu Ratna');
    await page.getByLabel(/^PIN \(4/).fill(PIN);
    await page.getByLabel('Ulangi PIN').fill(PIN);
    await page.getByRole('button', { name: 'Buat pengelola' }).click();
  }
  if (!(await nav.isVisible())) {
    const pin = page.getByLabel('PIN', { exact: true });
    await pin.waitFor({ timeout: 10_000 });
    await pin.fill(pinValue);
    await page.getByRole('button', { name: 'Masuk' }).click();
  }
  await nav.waitFor({ timeout: 10_000 });
}

/** Renders the current print preview to PDF (print media), saves it, and returns its text. */
export async function printToPdf(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(SHOTS, name)]);
  // Words as they read, whatever the line breaks of a narrow paper.
  return execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

