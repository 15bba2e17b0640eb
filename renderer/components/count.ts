/** A count as the screen's language writes it: 380.398 in Indonesian, 380,398 in English. */
const formats = { id: new Intl.NumberFormat('id-ID'), en: new Intl.NumberFormat('en-US') };

export const formatCount = (n: number, lang: 'id' | 'en'): string => formats[lang].format(n);

/** Phases of long work whose done/total are bytes (a backup's compression, a restore's unpacking): shown in MB. */
const BYTE_PHASES = new Set(['compressing', 'decompressing']);
const MB = 1024 * 1024;

/** How far long work is, as its progress bar says it: "9.385 dari 9.385" entries, or "50 MB dari 774 MB". */
export function progressCount(phase: string, done: number, total: number, lang: 'id' | 'en'): { done: string; total: string } {
  if (!BYTE_PHASES.has(phase)) return { done: formatCount(done, lang), total: formatCount(total, lang) };
  const mb = (n: number) => `${formatCount(Math.round(n / MB), lang)} MB`;
  return { done: mb(done), total: mb(total) };
}
