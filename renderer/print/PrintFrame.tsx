import type { ReactNode } from 'react';
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
  style.textContent = `@page { size: ${PAGE_SIZE[paper]}; margin: ${paper.endsWith('mm') ? '0' : '0'}; }`;
}

export function printDocument(paper: Paper): void {
  setPageSize(paper);
  window.print();
}

/** A printable document shown as a preview, with a print button. Only `.print-root` prints. */
export function PrintFrame({ paper, title, children, actions }: { paper: Paper; title: string; children: ReactNode; actions?: ReactNode }) {
  const t = useT();
  setPageSize(paper);
  return (
    <section className="print-preview" aria-label={title}>
      <div className="row no-print" style={{ marginBottom: '0.75rem' }}>
        <button type="button" className="primary" onClick={() => printDocument(paper)}>
          {t('common.print')}
        </button>
        {actions}
      </div>
      <div className="print-root">
        <article className={`print-page paper-${paper}`} data-paper={paper}>
          {children}
        </article>
      </div>
    </section>
  );
}
