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
  /** Faults and warnings the banner shows on every screen (SPEC §9). */
  health?: StoreHealth;
}

/** What the banner on every screen reports: storage faults, low space, the background checks' findings. */
export interface StoreHealth {
  /** The last write failed because the disk is full (cleared when space returns or a write succeeds). */
  diskFull: boolean;
  /** The data folder (or the disk) cannot be written to. */
  readOnly: boolean;
  freeBytes: number | null;
  /** Free space is below 500 MB or below the size of the next backup. */
  lowSpace: { freeBytes: number; neededBytes: number } | null;
  checks: {
    state: 'idle' | 'running' | 'passed' | 'findings';
    startedAt: string | null;
    finishedAt: string | null;
    findings: { id: string; en: string }[];
    /** A manager has looked at the findings: settlement finalise is allowed again. */
    acknowledged: boolean;
    lastFullCheckAt: string | null;
  };
  backups: { usedBytes: number; budgetBytes: number; nextBackupBytes: number };
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
  /** Print the receipt as soon as a sale is paid: desktop, to the chosen printer; browser, the print dialog. */
  autoPrintReceipt: boolean;
  slipLayout: 'A5' | 'A4' | '80mm';
  /** Line discount above this many basis points of the line needs a manager PIN. */
  discountLimitBps: number;
  /** Desktop app only: the printer documents go to (`''` = the system's default printer). */
  printerName: string;
  /** Desktop app only: print without the print dialog, straight to `printerName`. */
  silentPrint: boolean;
  /** Desktop app only: where "Save PDF" writes (`''` = `<data folder>/documents`). */
  pdfFolder: string;
  /** Minutes without use after which the screen locks and the session ends (SPEC §5). */
  idleLockMinutes: number;
}

/** True for an absolute path on this computer (POSIX, a Windows drive, or a UNC share). */
const isFullPath = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
const notFullPath = (what: string, whatEn: string) =>
  biMsg(`${what} harus berupa jalur lengkap (mis. /media/usb)`, `${whatEn} must be a full path (e.g. /media/usb)`);

const fullPath = (what: string, whatEn: string) =>
  z
    .string({ error: biMsg(`${what} harus diisi`, `${whatEn} is required`) })
    .trim()
    .min(1, { error: biMsg(`${what} harus diisi`, `${whatEn} is required`) })
    .max(1000)
    .refine(isFullPath, { error: notFullPath(what, whatEn) });

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: biMsg('Jam harus HH:MM', 'Time must be HH:MM') });
const wholeNumber = (min: number, max: number) =>
  z.number().int({ error: biMsg('Harus bilangan bulat', 'Must be a whole number') }).min(min).max(max);

/**
 * Settings that change what producers are owed or when: the week's end, the
 * payment term, the time zone the dates are counted in, who bears a stock
 * shortfall, and the discount a cashier may give alone. Changing any of them
 * needs a manager's approval; the rest (store header, paper, language,
 * printing) does not.
 */
export const SENSITIVE_SETTINGS = ['timeZone', 'periodEndWeekday', 'periodEndTime', 'paymentTermDays', 'shrinkageBornBy', 'discountLimitBps'] as const;

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
    autoPrintReceipt: z.boolean({ error: biMsg('Harus ya atau tidak', 'Must be true or false') }),
    slipLayout: z.enum(['A5', 'A4', '80mm']),
    discountLimitBps: wholeNumber(0, 10_000),
    /** Needed when a SENSITIVE_SETTINGS value changes. */
    approval: approval(),
    printerName: z.string().trim().max(200),
    silentPrint: z.boolean({ error: biMsg('Harus ya atau tidak', 'Must be true or false') }),
    pdfFolder: z
      .string()
      .trim()
      .max(1000)
      .refine((p) => p === '' || isFullPath(p), { error: notFullPath('Folder PDF', 'PDF folder') }),
    idleLockMinutes: wholeNumber(1, 240),
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

const absolutePath = fullPath;

/** A printer the desktop app can print to. */
export interface PrinterChoice {
  /** The name the operating system knows it by (what `printerName` stores). */
  name: string;
  /** The name to show. */
  displayName: string;
  isDefault: boolean;
}

export interface PrintOutcome {
  /** False when the person closed the print dialog without printing. */
  printed: boolean;
}

export interface SavedPdf {
  /** Absolute path of the written PDF. */
  file: string;
}

export const PAPERS = ['58mm', '80mm', 'A5', 'A4'] as const;
export type PaperSize = (typeof PAPERS)[number];

const paper = () => z.enum(PAPERS, { error: biMsg('Ukuran kertas: 58mm, 80mm, A5 atau A4', 'Paper size: 58mm, 80mm, A5 or A4') });
/** Roll paper only: the page is as long as the document (whole mm, measured by the page). */
const rollLengthMm = () =>
  z
    .number({ error: biMsg('Panjang kertas gulung harus bilangan bulat mm (20–5000)', 'Roll length must be whole mm (20–5000)') })
    .int()
    .min(20)
    .max(5000)
    .optional();

/**
 * A plain file name for a saved document: no folder part (no `/`, `\`, `:`),
 * no `..`, no characters Windows refuses, not hidden. `.pdf` is added if missing.
 */
export const pdfFileName = () =>
  z
    .string({ error: biMsg('Nama berkas harus diisi', 'File name is required') })
    .trim()
    .min(1, { error: biMsg('Nama berkas harus diisi', 'File name is required') })
    .max(120, { error: biMsg('Nama berkas terlalu panjang (maks. 120)', 'File name too long (max 120)') })
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not contain
    .refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n) && !n.includes('..') && !n.startsWith('.'), {
      error: biMsg(
        'Nama berkas tidak boleh berisi folder, "..", atau tanda / \\ : * ? " < > |',
        'File name must not contain a folder, "..", or any of / \\ : * ? " < > |',
      ),
    });

export const systemMethods = {
  'system.status': method<StoreStatus>({ access: 'anyone', kind: 'read' })(empty()),
  'settings.get': method<StoreSettings>({ access: 'anyone', kind: 'read' })(empty()),
  /** Changes some settings; the language switch is one of them, so it persists. */
  'settings.update': method<StoreSettings>({ access: 'manager', kind: 'write' })(settingsPatch),
  /** First run: name the store and choose the demo store (KTM Telang producers) or an empty one. Only once. */
  'setup.complete': method<SetupResult>({ access: 'setup', kind: 'write' })(
    z.object({ mode: z.enum(['demo', 'empty']), storeName: nonEmptyText(80) }).strict(),
  ),
  /**
   * A backup with SQLite's online backup API, into `<data folder>/backups`
   * or a chosen folder (e.g. a USB stick). Long work: reports progress while it copies.
   */
  'backup.create': method<Promise<BackupInfo>>({ access: 'manager', kind: 'long' })(
    z.object({ folder: absolutePath('Folder', 'Folder').optional() }).strict().optional().default({}),
  ),
  /** Backups in `<data folder>/backups`, newest first. Answers while the store is refused. */
  'backup.list': method<BackupInfo[]>({ access: 'manager', kind: 'read' })(empty()),
  /**
   * Replaces the store with a backup after checking the backup's integrity;
   * the replaced file is kept aside. Needs a manager approval, except while
   * the store is refused (then no staff can be read).
   */
  'backup.restore': method<Promise<RestoreResult>>({ access: 'manager', kind: 'exclusive' })(
    z.object({ file: absolutePath('Berkas cadangan', 'Backup file'), approval: approval().optional() }).strict(),
  ),
  /** A manager has looked at the background checks' findings: settlement finalise is allowed again (audited). */
  'system.acknowledgeChecks': method<StoreStatus>({ access: 'manager', kind: 'write' })(z.object({ approval: approval() }).strict()),
  /** Desktop app only: the printers of this computer. The browser answers UNAVAILABLE. */
  'shell.printers': method<PrinterChoice[]>({ access: 'staff', kind: 'read' })(empty()),
  /**
   * Desktop app only: prints the window's printable (`.print-root`) on the
   * paper given, to the printer in settings, silently if `silentPrint` is on.
   * The browser answers UNAVAILABLE (the page uses the browser's own print).
   */
  'shell.print': method<PrintOutcome>({ access: 'staff', kind: 'read' })(
    z.object({ paper: paper(), title: nonEmptyText(200), lengthMm: rollLengthMm() }).strict(),
  ),
  /** Desktop app only: saves the printable as a PDF in the PDF folder; never overwrites (adds ` (2)`…). */
  'shell.savePdf': method<SavedPdf>({ access: 'staff', kind: 'read' })(
    z.object({ paper: paper(), fileName: pdfFileName(), lengthMm: rollLengthMm() }).strict(),
  ),
} as const;
