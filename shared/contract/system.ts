import { z } from 'zod';
import { method, empty, nonEmptyText, optionalText, biMsg, approval } from './define';
import type { Lang } from '../i18nText';

export interface StoreStatus {
  /** `ready`: trading; `refused`: the database failed its start-up checks and nothing may be written. */
  state: 'ready' | 'refused';
  /** Why it refuses, in English (logs, automation). */
  reason?: string;
  /** The same, in both languages, for the refusal screen. */
  reasonText?: { id: string; en: string };
  /** True until the first-run choice (demo or empty store) has been made. */
  needsSetup: boolean;
  dataDir: string;
  schemaVersion: number;
  appVersion: string;
  shell: 'electron' | 'browser';
}

export interface StoreSettings {
  storeName: string;
  storeAddress: string;
  storePhone: string;
  receiptFooter: string;
  language: Lang;
  timeZone: string;
  /** Settlement period ends at this ISO weekday (1 Mon … 7 Sun) at `periodEndTime` (`24:00` = end of day). */
  periodEndWeekday: number;
  periodEndTime: string;
  paymentTermDays: number;
  expiringSoonDays: number;
  /** Who bears a stock-count shortfall: `shop` (default, producer is credited) or `producer`. */
  shrinkageBornBy: 'shop' | 'producer';
  receiptWidth: '58mm' | '80mm';
  slipLayout: 'A5' | 'A4' | '80mm';
  /** Line discount above this many basis points of the line needs a manager PIN. */
  discountLimitBps: number;
}

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: biMsg('Jam harus HH:MM', 'Time must be HH:MM') });
const wholeNumber = (min: number, max: number) =>
  z.number().int({ error: biMsg('Harus bilangan bulat', 'Must be a whole number') }).min(min).max(max);

export const settingsPatch = z
  .object({
    storeName: nonEmptyText(80),
    storeAddress: optionalText(200),
    storePhone: optionalText(40),
    receiptFooter: optionalText(200),
    language: z.enum(['id', 'en']),
    timeZone: z.string().refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, { error: biMsg('Zona waktu tidak dikenal', 'Unknown time zone') }),
    periodEndWeekday: wholeNumber(1, 7),
    periodEndTime: timeOfDay,
    paymentTermDays: wholeNumber(0, 60),
    expiringSoonDays: wholeNumber(0, 60),
    shrinkageBornBy: z.enum(['shop', 'producer']),
    receiptWidth: z.enum(['58mm', '80mm']),
    slipLayout: z.enum(['A5', 'A4', '80mm']),
    discountLimitBps: wholeNumber(0, 10_000),
  })
  .partial()
  .strict();

/** One backup file, as listed on the settings and refusal screens. */
export interface BackupInfo {
  /** Absolute path of the file. */
  file: string;
  name: string;
  /** When it was taken (from the file name, ISO 8601 UTC). */
  takenAt: string;
  kind: 'daily' | 'close' | 'manual';
  sizeBytes: number;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the replaced database file was kept aside (absent if there was none). */
  replacedFile?: string;
  status: StoreStatus;
}

export interface SetupResult {
  mode: 'demo' | 'empty';
  status: StoreStatus;
}

const absolutePath = (what: string, whatEn: string) =>
  z
    .string({ error: biMsg(`${what} harus diisi`, `${whatEn} is required`) })
    .trim()
    .min(1, { error: biMsg(`${what} harus diisi`, `${whatEn} is required`) })
    .max(1000)
    .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), {
      error: biMsg(`${what} harus berupa jalur lengkap (mis. /media/usb)`, `${whatEn} must be a full path (e.g. /media/usb)`),
    });

export const systemMethods = {
  'system.status': method<StoreStatus>({ transaction: 'none' })(empty()),
  'settings.get': method<StoreSettings>()(empty()),
  /** Changes some settings; the language switch is one of them, so it persists. */
  'settings.update': method<StoreSettings>()(settingsPatch),
  /** First run: name the store and choose the demo store (KTM Telang producers) or an empty one. Only once. */
  'setup.complete': method<SetupResult>()(
    z.object({ mode: z.enum(['demo', 'empty']), storeName: nonEmptyText(80) }).strict(),
  ),
  /**
   * A backup with SQLite's online backup API, into `<data folder>/backups`
   * or a chosen folder (e.g. a USB stick). Asynchronous: use `callAsync`.
   */
  'backup.create': method<Promise<BackupInfo>>({ transaction: 'none' })(
    z.object({ folder: absolutePath('Folder', 'Folder').optional() }).strict().optional().default({}),
  ),
  /** Backups in `<data folder>/backups`, newest first. Answers while the store is refused. */
  'backup.list': method<BackupInfo[]>({ transaction: 'none' })(empty()),
  /**
   * Replaces the store with a backup after checking the backup's integrity;
   * the replaced file is kept aside. Needs a manager approval, except while
   * the store is refused (then no staff can be read).
   */
  'backup.restore': method<Promise<RestoreResult>>({ transaction: 'none' })(
    z.object({ file: absolutePath('Berkas cadangan', 'Backup file'), approval: approval().optional() }).strict(),
  ),
} as const;

/** Methods whose handlers return a Promise: the core answers them only through `callAsync`. */
export const ASYNC_METHODS: ReadonlySet<string> = new Set(['backup.create', 'backup.restore']);
