import type Database from 'better-sqlite3';
import type { StoreSettings } from '../../shared/contract/system';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/time';

export const DEFAULT_SETTINGS: StoreSettings = {
  storeName: 'UKM Mart',
  storeAddress: '',
  storePhone: '',
  receiptFooter: 'Terima kasih — produk UMKM desa kita',
  language: 'id',
  timeZone: DEFAULT_TIME_ZONE,
  periodEndWeekday: 7,
  periodEndTime: '24:00',
  paymentTermDays: 2,
  expiringSoonDays: 3,
  shrinkageBornBy: 'shop',
  receiptWidth: '58mm',
  autoPrintReceipt: true,
  slipLayout: 'A5',
  discountLimitBps: 1000,
  printerName: '',
  silentPrint: false,
  pdfFolder: '',
  idleLockMinutes: 10,
};

/** The read of every setting, prepared once per connection (many calls read the settings; preparing cost more than reading). */
const readAll = new WeakMap<Database.Database, Database.Statement>();

/** Settings are stored one JSON value per key; unknown keys in the table are ignored. */
export function readSettings(db: Database.Database): StoreSettings {
  let all = readAll.get(db);
  if (!all) readAll.set(db, (all = db.prepare('SELECT key, value FROM settings')));
  const rows = all.all() as { key: string; value: string }[];
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    if (key in DEFAULT_SETTINGS) out[key] = JSON.parse(value);
  }
  return out as unknown as StoreSettings;
}

export function writeSettings(db: Database.Database, patch: Partial<StoreSettings>): void {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && key in DEFAULT_SETTINGS) upsert.run(key, JSON.stringify(value));
  }
}

/** Internal flags (first-run done, last backup…) live in the same table under a `_` prefix. */
export function readFlag(db: Database.Database, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(`_${key}`) as { value: string } | undefined;
  return row ? JSON.parse(row.value) : undefined;
}

export function writeFlag(db: Database.Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    `_${key}`,
    JSON.stringify(value),
  );
}
