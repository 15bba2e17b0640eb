/**
 * The desktop shell's printing: `shell.printers`, `shell.print` and
 * `shell.savePdf`, answered by the window itself (the core has no printer).
 * Nothing here imports 'electron': the window's webContents is passed in as a
 * `PrintableContents`, so tests drive it with a fake that records the calls.
 * electron/main.ts routes `shell.*` here through createIpcHandler, after the
 * sender check and before the core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contract, type Envelope } from '../shared/contract';
import type { PaperSize, PrintOutcome, PrinterChoice, SavedPdf, StoreSettings } from '../shared/contract/system';
import type { Lang } from '../shared/i18nText';
import { validationError } from './core/envelope';

export const SHELL_METHODS = ['shell.printers', 'shell.print', 'shell.savePdf'] as const;
export type ShellMethod = (typeof SHELL_METHODS)[number];

export function isShellMethod(method: string): method is ShellMethod {
  return (SHELL_METHODS as readonly string[]).includes(method);
}

/** What the shell reads from Electron's PrinterInfo (older Electrons also had `isDefault`). */
export interface PrinterLike {
  name: string;
  displayName?: string;
  isDefault?: boolean;
  options?: object;
}

export type PageSize = 'A4' | 'A5' | { width: number; height: number };

export interface PrintOptions {
  silent: boolean;
  deviceName?: string;
  printBackground: boolean;
  /** Microns for webContents.print. */
  pageSize: PageSize;
  /** The printables carry their own padding and fill the paper (the browser's @page margin is 0 too). */
  margins: { marginType: 'none' };
}

export interface PdfOptions {
  /** Inches for webContents.printToPDF. */
  pageSize: PageSize;
  printBackground: true;
  /** Inches; zero, as for printing. */
  margins: { top: 0; bottom: 0; left: 0; right: 0 };
}

/** The slice of Electron's WebContents printing uses. */
export interface PrintableContents {
  print(options: PrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: PdfOptions): Promise<Uint8Array>;
  getPrintersAsync(): Promise<PrinterLike[]>;
}

export type PrintSettings = Pick<StoreSettings, 'printerName' | 'silentPrint' | 'pdfFolder' | 'language'>;

export const DEFAULT_PRINT_SETTINGS: PrintSettings = { printerName: '', silentPrint: false, pdfFolder: '', language: 'id' };

export interface ShellEnv {
  contents: PrintableContents;
  settings: PrintSettings;
  dataDir: string;
}

/**
 * Roll paper is cut as long as the document: the page measures its printable
 * and sends the length (`lengthMm`). Without one (an old page), a 297 mm page,
 * the same as the browser's fallback @page size.
 */
const DEFAULT_ROLL_LENGTH_MM = 297;
const MICRONS_PER_MM = 1000;
const MM_PER_INCH = 25.4;

const rollWidthMm = (paper: PaperSize): number | null => (paper === '58mm' ? 58 : paper === '80mm' ? 80 : null);

/** Page size for webContents.print: A4/A5 by name, roll paper in microns, as long as `lengthMm`. */
export function printPageSize(paper: PaperSize, lengthMm: number = DEFAULT_ROLL_LENGTH_MM): PageSize {
  const width = rollWidthMm(paper);
  if (width === null) return paper as 'A4' | 'A5';
  return { width: width * MICRONS_PER_MM, height: lengthMm * MICRONS_PER_MM };
}

/** Page size for webContents.printToPDF: A4/A5 by name, roll paper in inches, as long as `lengthMm`. */
export function pdfPageSize(paper: PaperSize, lengthMm: number = DEFAULT_ROLL_LENGTH_MM): PageSize {
  const width = rollWidthMm(paper);
  if (width === null) return paper as 'A4' | 'A5';
  return { width: width / MM_PER_INCH, height: lengthMm / MM_PER_INCH };
}

export function printOptions(paper: PaperSize, settings: PrintSettings, lengthMm?: number): PrintOptions {
  const deviceName = settings.printerName.trim();
  return {
    silent: settings.silentPrint,
    ...(deviceName ? { deviceName } : {}),
    printBackground: false,
    pageSize: printPageSize(paper, lengthMm),
    margins: { marginType: 'none' },
  };
}

export function pdfOptions(paper: PaperSize, lengthMm?: number): PdfOptions {
  return { pageSize: pdfPageSize(paper, lengthMm), printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } };
}

/** Where saved PDFs go: the folder in settings, else `<data folder>/documents`. */
export function documentsDir(settings: PrintSettings, dataDir: string): string {
  return settings.pdfFolder.trim() ? path.resolve(settings.pdfFolder.trim()) : path.join(dataDir, 'documents');
}

/** Defence in depth behind the contract's schema: a bare, visible file name, nothing else. */
export function isSafeFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 130 &&
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not contain
    !/[\\/:*?"<>|\u0000-\u001f]/.test(name) &&
    !name.includes('..') &&
    !name.startsWith('.') &&
    path.basename(name) === name
  );
}

/** `Struk 12` -> `Struk 12.pdf`; a name that already ends in .pdf keeps it. */
export function withPdfExtension(name: string): string {
  const trimmed = name.trim();
  return /\.pdf$/i.test(trimmed) ? trimmed : `${trimmed}.pdf`;
}

/**
 * Writes the PDF under a name not yet taken in `dir` (`x.pdf`, `x (2).pdf`, …),
 * creating the file exclusively so nothing is ever overwritten.
 */
export function writeNewFile(dir: string, fileName: string, data: Uint8Array): string {
  const name = withPdfExtension(fileName);
  if (!isSafeFileName(name)) throw new Error(`unsafe file name: ${JSON.stringify(fileName)}`);
  fs.mkdirSync(dir, { recursive: true });
  const root = path.resolve(dir);
  const stem = name.slice(0, -4);
  for (let n = 1; n < 1000; n++) {
    const file = path.join(root, n === 1 ? name : `${stem} (${n}).pdf`);
    if (path.dirname(file) !== root) throw new Error(`file outside the PDF folder: ${file}`);
    try {
      fs.writeFileSync(file, data, { flag: 'wx' });
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new Error(`too many files named ${name}`);
}

/** Electron 39's PrinterInfo has no `isDefault`; CUPS and older Electrons say it in other ways. */
export function toPrinterChoice(p: PrinterLike): PrinterChoice {
  const opts = (p.options ?? {}) as Record<string, unknown>;
  const isDefault = p.isDefault === true || opts['isDefault'] === 'true' || opts['printer-is-default'] === 'true';
  return { name: p.name, displayName: p.displayName?.trim() || p.name, isDefault };
}

const say = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);
const failure = (code: 'UNAVAILABLE' | 'INTERNAL', message: string): Envelope<never> => ({ ok: false, error: { code, message } });

function printWith(contents: PrintableContents, options: PrintOptions): Promise<{ success: boolean; reason: string }> {
  return new Promise((resolve) => {
    contents.print(options, (success, reason) => resolve({ success, reason: reason ?? '' }));
  });
}

async function print(env: ShellEnv, input: { paper: PaperSize; title: string; lengthMm?: number }): Promise<Envelope<PrintOutcome>> {
  const { settings, contents } = env;
  const lang = settings.language;
  const wanted = settings.printerName.trim();
  if (wanted) {
    const printers = await contents.getPrintersAsync();
    if (!printers.some((p) => p.name === wanted)) {
      return failure(
        'UNAVAILABLE',
        say(
          lang,
          `Printer "${wanted}" tidak ditemukan. Nyalakan dan sambungkan printer, atau pilih printer lain di Pengaturan.`,
          `Printer "${wanted}" was not found. Switch it on and connect it, or choose another printer in Settings.`,
        ),
      );
    }
  }
  const { success, reason } = await printWith(contents, printOptions(input.paper, settings, input.lengthMm));
  if (success) return { ok: true, value: { printed: true } };
  // Closing the dialog is a choice, not an error.
  if (/cancel/i.test(reason)) return { ok: true, value: { printed: false } };
  return failure(
    'UNAVAILABLE',
    say(lang, `Gagal mencetak "${input.title}": ${reason || 'alasan tidak diketahui'}.`, `Could not print "${input.title}": ${reason || 'unknown reason'}.`),
  );
}

async function savePdf(env: ShellEnv, input: { paper: PaperSize; fileName: string; lengthMm?: number }): Promise<Envelope<SavedPdf>> {
  const dir = documentsDir(env.settings, env.dataDir);
  const data = await env.contents.printToPDF(pdfOptions(input.paper, input.lengthMm));
  try {
    return { ok: true, value: { file: writeNewFile(dir, input.fileName, data) } };
  } catch (err) {
    const why = (err as Error).message;
    return failure(
      'UNAVAILABLE',
      say(env.settings.language, `PDF tidak dapat disimpan di ${dir}: ${why}`, `The PDF could not be saved in ${dir}: ${why}`),
    );
  }
}

/**
 * Answers one `shell.*` call for the window whose webContents is
 * `env.contents`, after validating the input with the contract's own schema.
 * Never rejects.
 */
export async function routeShellCall(method: ShellMethod, rawInput: unknown, env: ShellEnv): Promise<Envelope<unknown>> {
  const lang = env.settings.language;
  const parsed = contract[method].input.safeParse(rawInput === null ? undefined : rawInput);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error, lang) };
  try {
    switch (method) {
      case 'shell.printers':
        return { ok: true, value: (await env.contents.getPrintersAsync()).map(toPrinterChoice) };
      case 'shell.print':
        return await print(env, parsed.data as { paper: PaperSize; title: string; lengthMm?: number });
      case 'shell.savePdf':
        return await savePdf(env, parsed.data as { paper: PaperSize; fileName: string; lengthMm?: number });
    }
  } catch (err) {
    console.error(`[printing] ${method} failed`, err);
    return failure('INTERNAL', say(lang, `Pencetakan gagal: ${(err as Error).message}`, `Printing failed: ${(err as Error).message}`));
  }
}

/** The print settings from the core's `settings.get` answer; the defaults while the store refuses. */
export function printSettingsFrom(reply: Envelope<unknown>): PrintSettings {
  if (!reply.ok) return DEFAULT_PRINT_SETTINGS;
  const s = reply.value as StoreSettings;
  return { printerName: s.printerName ?? '', silentPrint: s.silentPrint === true, pdfFolder: s.pdfFolder ?? '', language: s.language ?? 'id' };
}

export interface ShellCore {
  callAsync(method: string, input: unknown): Promise<Envelope<unknown>>;
  readonly dataDir: string;
}

/**
 * The shell-side router handed to createIpcHandler: reads the print settings
 * fresh for every call (a change in Settings applies at once) and prints the
 * sender's own page.
 */
export function createShellRouter(core: ShellCore) {
  return async (sender: PrintableContents, method: ShellMethod, input: unknown): Promise<Envelope<unknown>> =>
    routeShellCall(method, input, { contents: sender, settings: printSettingsFrom(await core.callAsync('settings.get', {})), dataDir: core.dataDir });
}
export type ShellRouter = ReturnType<typeof createShellRouter>;
