/**
 * CSV exports that stream the whole range (issue 14): sale lines, sales
 * (receipts) and a producer's ledger entries over any dates. They never travel
 * as one JSON reply: `export.prepare` checks the range and the caller (a
 * manager) and names the file; the shell then streams the rows — browser mode
 * through a one-time download link of the host, the Electron shell into a file
 * chosen in a save dialog — by `export.stream`, which writes the rows in chunks
 * from an iterating statement on a long-work thread and answers what it wrote.
 */
import { z } from 'zod';
import { method, id, localDate, biMsg } from './define';

export const CSV_EXPORT_KINDS = ['saleLines', 'sales', 'statement'] as const;
export type CsvExportKind = (typeof CSV_EXPORT_KINDS)[number];

export const csvExportInput = z
  .object({
    kind: z.enum(CSV_EXPORT_KINDS, { error: biMsg('Jenis ekspor tidak dikenal', 'Unknown kind of export') }),
    /** Required for sale lines and sales; a statement without them runs from the producer's first entry to today. */
    from: localDate().optional(),
    to: localDate().optional(),
    /** The producer of a statement (required there); for sale lines, only this producer's lines. */
    producerId: id().optional(),
  })
  .strict();
export type CsvExportInput = z.infer<typeof csvExportInput>;

export interface CsvExportPlan {
  filename: string;
}

export interface CsvExportDone {
  filename: string;
  /** Data rows written (the header not counted). */
  rows: number;
  /** Bytes of UTF-8 written, the header included. */
  bytes: number;
}

/** A one-time download of browser mode: GET the url (no header needed) within a minute, once. */
export interface CsvDownload extends CsvExportPlan {
  url: string;
}

export const exportMethods = {
  /** Checks a streamed export before it starts (a manager; the range; the producer) and names its file. */
  'export.prepare': method<CsvExportPlan>({ access: 'manager', kind: 'read' })(csvExportInput),
  /** Streams the export to the shell's sink (a download, a file); refused as a plain API call, which has no sink. */
  'export.stream': method<CsvExportDone>({ access: 'manager', kind: 'long' })(csvExportInput),
} as const;
