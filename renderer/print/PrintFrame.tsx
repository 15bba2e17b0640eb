import { useState, type ReactNode } from 'react';
import type { PrintOutcome, SavedPdf } from '../../shared/contract/system';
import { call } from '../api';
import { useT } from '../i18n';

export type Paper = '58mm' | '80mm' | 'A5' | 'A4';

const PAGE_SIZE: Record<Paper, string> = {
  '58mm': '58mm 297mm',
  '80mm': '80mm 297mm',
  A5: 'A5 portrait',
  A4: 'A4 portrait',
};

/**
 * Sets the @page size for the next print. Browsers allow one page size per
 * document, so it is set just before printing rather than in the stylesheet.
 */
export function setPageSize(paper: Paper): void {
  let style = document.getElementById('page-size') as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = 'page-size';
    document.head.appendChild(style);
  }
  style.textContent = `@page { size: ${PAGE_SIZE[paper]}; margin: 0; }`;
}

/** True inside the desktop app, where the preload bridge exists; false in the browser. */
export function inDesktopApp(): boolean {
  return typeof window !== 'undefined' && window.ukmMart !== undefined;
}

/** A document's title as a plain file name: no folder part, no `..`, nothing Windows refuses. */
export function pdfFileName(title: string): string {
  const name = title
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not contain
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 110)
    .trim();
  return name || 'UKM Mart';
}

/** The document title names the print job, and the file in the browser's "Save as PDF". */
async function withDocumentTitle<T>(title: string, run: () => T | Promise<T>): Promise<T> {
  const before = document.title;
  document.title = title;
  try {
    return await run();
  } finally {
    document.title = before;
  }
}

/**
 * Prints the `.print-root` on `paper`. Desktop app: through the shell, to the
 * printer in Settings (silently if configured). Browser: the browser's own
 * print dialog (`printed` is then true as far as the page can know).
 */
export async function printDocument(paper: Paper, title: string = document.title): Promise<PrintOutcome> {
  setPageSize(paper);
  const jobTitle = title.trim() || 'UKM Mart';
  if (inDesktopApp()) return withDocumentTitle(jobTitle, () => call('shell.print', { paper, title: jobTitle.slice(0, 200) }));
  return withDocumentTitle(jobTitle, () => {
    window.print();
    return { printed: true };
  });
}

/** Desktop app only: saves the `.print-root` as a PDF in the PDF folder; resolves with its path. */
export function saveDocumentPdf(paper: Paper, title: string): Promise<SavedPdf> {
  setPageSize(paper);
  return call('shell.savePdf', { paper, fileName: pdfFileName(title) });
}

type Message = { kind: 'notice' | 'error' | 'muted'; text: string };

/**
 * A printable document shown as a preview, with a print button (and, in the
 * desktop app, a "Save PDF" button). Only `.print-root` prints.
 */
export function PrintFrame({ paper, title, children, actions }: { paper: Paper; title: string; children: ReactNode; actions?: ReactNode }) {
  const t = useT();
  const desktop = inDesktopApp();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  setPageSize(paper);

  const run = async (working: string, job: () => Promise<Message>) => {
    setBusy(true);
    setMessage({ kind: 'muted', text: working });
    try {
      setMessage(await job());
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const print = () => {
    if (!desktop) {
      void printDocument(paper, title);
      return;
    }
    void run(t('system.print.printing'), async () => {
      const outcome = await printDocument(paper, title);
      return outcome.printed ? { kind: 'notice', text: t('system.print.printed') } : { kind: 'muted', text: t('system.print.notPrinted') };
    });
  };

  const savePdf = () =>
    void run(t('system.print.saving'), async () => {
      const saved = await saveDocumentPdf(paper, title);
      return { kind: 'notice', text: t('system.print.saved', { file: saved.file }) };
    });

  return (
    <section className="print-preview" aria-label={title}>
      <div className="row no-print" style={{ marginBottom: '0.75rem' }}>
        <button type="button" className="primary" onClick={print} disabled={busy}>
          {t('common.print')}
        </button>
        {desktop && (
          <button type="button" onClick={savePdf} disabled={busy}>
            {t('system.print.savePdf')}
          </button>
        )}
        {actions}
      </div>
      {message && (
        <p className={`no-print ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} style={{ marginTop: 0 }}>
          {message.text}
        </p>
      )}
      <div className="print-root">
        <article className={`print-page paper-${paper}`} data-paper={paper}>
          {children}
        </article>
      </div>
    </section>
  );
}
