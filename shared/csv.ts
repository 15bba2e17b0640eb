/**
 * The one CSV encoder (RFC 4180): comma-separated, CRLF line ends (also after the last line), a field quoted
 * when it holds a comma, a double quote, a line break, or leading/trailing white space; a quote inside is doubled.
 * Text that a spreadsheet would run as a formula (leading = + - @ tab or CR) gets a leading apostrophe.
 * Numbers are written as plain digits (integer rupiah, counts, basis points); booleans as 1/0; null/undefined empty.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_LEAD = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`CSV: not a finite number: ${n}`);
  // String(1e21) is "1e+21": write every integer as plain digits; -0 as 0.
  if (Number.isInteger(n)) return n === 0 ? '0' : BigInt(n).toString();
  return String(n);
}

/** One field, encoded. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return numberText(value);
  const text = FORMULA_LEAD.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its line end. */
export function csvLine(fields: readonly CsvValue[]): string {
  return fields.map(csvField).join(',');
}

/** A whole file: the header, then the rows, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvLine).join('\r\n') + '\r\n';
}
