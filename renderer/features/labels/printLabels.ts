import type { LabelLayout } from '../../../shared/domain/labelLayouts';

/**
 * Sets the @page to the label stock's exact size (a sheet, or one row of a
 * roll), in the same style element every other document uses, then opens the
 * print: the browser's dialog, or Chromium's in the desktop window, where the
 * label printer is chosen.
 */
export function printLabels(layout: LabelLayout, title: string): void {
  let style = document.getElementById('page-size') as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = 'page-size';
    document.head.appendChild(style);
  }
  style.textContent = `@page { size: ${layout.pageWidthMm}mm ${layout.pageHeightMm}mm; margin: 0; }`;
  const before = document.title;
  document.title = title;
  try {
    window.print();
  } finally {
    document.title = before;
  }
}
