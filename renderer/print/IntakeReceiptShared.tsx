import { useEffect, useState } from 'react';
import type { StoreSettings } from '../../shared/contract/system';
import { call } from '../api';
import '../features/stock/printDocs.css';

/** Store settings for document headers (name, address, phone, time zone). */
export function useStoreSettings(): StoreSettings | null {
  const [settings, setSettings] = useState<StoreSettings | null>(null);
  useEffect(() => {
    let live = true;
    void call('settings.get', {}).then((s) => live && setSettings(s));
    return () => {
      live = false;
    };
  }, []);
  return settings;
}

/** The store's name, address and phone at the top of a paper document. */
export function StoreHeader({ settings, title, number }: { settings: StoreSettings | null; title: string; number: string }) {
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

/** Two signature lines: the producer's and the store's. */
export function Signatures({ left, right, leftName, rightName }: { left: string; right: string; leftName?: string; rightName?: string }) {
  return (
    <div className="signatures">
      <div>
        <div>{left}</div>
        <div className="line">{leftName || '\u00a0'}</div>
      </div>
      <div>
        <div>{right}</div>
        <div className="line">{rightName || '\u00a0'}</div>
      </div>
    </div>
  );
}
