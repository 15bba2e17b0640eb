/**
 * Dates in forms the shop's way, whatever the browser's language: day first
 * (dd/mm/yyyy) and a 24-hour clock. Values stay ISO (`2026-11-22`,
 * `2026-11-22T14:05`), as the core wants them.
 */
const pad = (n: number) => String(n).padStart(2, '0');

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2026-11-22` → `22/11/2026`; anything else → ''. */
export function dateToText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** `22/11/2026`, `22-11-2026`, `22.11.2026`, `2/3/2026` or ISO `2026-11-22` → `2026-11-22`; null when not a real date. */
export function textToDate(text: string): string | null {
  const s = text.trim();
  let day: number, month: number, year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) [day, month, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  else return null;
  return validDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** `2026-11-22T14:05` → `22/11/2026 14:05`; anything else → ''. */
export function dateTimeToText(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  return m ? `${dateToText(m[1]!)} ${m[2]}:${m[3]}` : '';
}

/** `22/11/2026 14:05` (or `…T14:05`, or ISO) → `2026-11-22T14:05`; a 24-hour clock; null when not a real moment. */
export function textToDateTime(text: string): string | null {
  const m = /^(.+?)[\sT]+(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = textToDate(m[1]!);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (!date || hour > 23 || minute > 59) return null;
  return `${date}T${pad(hour)}:${pad(minute)}`;
}
