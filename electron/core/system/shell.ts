import type { AreaHandlers } from '../handlerTypes';
import { fail } from '../errors';

/**
 * `shell.*` methods are answered by the desktop window (electron/printing.ts),
 * which routes them before they reach the core. A call that reaches the core
 * comes from the browser (or an automation client): it has no printer of its
 * own to offer, so it answers UNAVAILABLE and the page uses the browser's print.
 */
const desktopOnly = (): never =>
  fail(
    'UNAVAILABLE',
    'Hanya di aplikasi desktop. Di peramban, gunakan dialog cetak peramban (Ctrl+P) untuk mencetak atau menyimpan PDF.',
    "Only in the desktop app. In the browser, use the browser's print dialog (Ctrl+P) to print or save a PDF.",
  );

export const shellOnlyHandlers: AreaHandlers<'shell.printers' | 'shell.print' | 'shell.savePdf'> = {
  'shell.printers': desktopOnly,
  'shell.print': desktopOnly,
  'shell.savePdf': desktopOnly,
};
