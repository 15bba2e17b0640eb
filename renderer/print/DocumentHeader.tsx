import { Fragment, type ReactNode } from 'react';
import type { StoreSettings } from '../../shared/contract/system';
import '../features/stock/printDocs.css';

/** The store's name, address and phone, the document's title and number, at the top of a paper document. */
export function DocumentHeader({ settings, title, number }: { settings: StoreSettings | null; title: string; number: string }) {
  return (
    <header className="doc-header">
      <div className="doc-store">{settings?.storeName ?? 'UKM Mart'}</div>
      {settings?.storeAddress && <div>{settings.storeAddress}</div>}
      {settings?.storePhone && <div>{settings.storePhone}</div>}
      <div className="doc-title">{title}</div>
      <div className="doc-number">{number}</div>
    </header>
  );
}

/** The label/value facts under the header (date, producer, who delivered...); a row whose value is empty is left out. */
export function DocumentMeta({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <dl className="doc-meta">
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
