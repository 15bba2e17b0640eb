import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Where rendered documents (PDF and PNG) are kept to be looked at. */
export const PAPER_SHOTS = process.env.PAPER_SHOTS_DIR ?? '/tmp/shots-t15p/paper';

const PT_PER_MM = 72 / 25.4;

export interface RenderedPaper {
  pages: number;
  /** Size of every page, in mm. */
  sizes: { widthMm: number; heightMm: number }[];
  /** The printable's own height on screen, in mm (the tallest `.print-page`). */
  contentMm: number;
  text: string;
}

/**
 * Renders the page as the printer would (print media, the page's own @page
 * size) to a PDF, keeps it with a PNG of every page under PAPER_SHOTS, and
 * reads back the number of pages and their sizes with poppler's pdfinfo.
 */
export async function renderPaper(page: Page, name: string): Promise<RenderedPaper> {
  const contentPx = await page.evaluate(() =>
    Math.max(0, ...Array.from(document.querySelectorAll('.print-root .print-page'), (el) => el.getBoundingClientRect().height)),
  );
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  fs.mkdirSync(PAPER_SHOTS, { recursive: true });
  const file = path.join(PAPER_SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(PAPER_SHOTS, name)]);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', file]).toString('utf8');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    widthMm: Number(m[1]) / PT_PER_MM,
    heightMm: Number(m[2]) / PT_PER_MM,
  }));
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  return { pages, sizes, contentMm: (contentPx * 25.4) / 96, text };
}

/** Text of each page of a rendered PDF (pdftotext separates pages with a form feed). */
export const pageTexts = (paper: RenderedPaper) => paper.text.split('\f').filter((_, i, all) => i < all.length - 1 || all[i]!.trim() !== '');
