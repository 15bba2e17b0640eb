import { call } from '../../api';
import { downloadText } from '../../download';
import type { CsvFile } from '../../../shared/contract/catalogue';

/** Saves a CSV reply (with a byte-order mark, for spreadsheet programs). */
export function downloadCsv(file: CsvFile): void {
  downloadText(file.filename, file.csv, { bom: true });
}

export async function exportCatalogue(): Promise<void> {
  downloadCsv(await call('export.catalogueCsv', {}));
}

/** The human message of a failed call. */
export { errorText } from '../../components/FormParts';

/** Whole numbers typed by a person: digits only, or null. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** `15` or `12,5` percent to basis points, or null. */
export function parsePercent(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : null;
}

export const bpsToPercentText = (bps: number) => (bps % 100 === 0 ? String(bps / 100) : (bps / 100).toFixed(2).replace(/0$/, '').replace('.', ','));
