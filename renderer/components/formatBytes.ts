/** Disk sizes for people: `820 MB`, `3,5 GB` (decimal comma in Indonesian). */
export function formatBytes(bytes: number, lang: 'id' | 'en'): string {
  const mb = bytes / 1024 / 1024;
  const fmt = (n: number, digits: number) => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: digits });
  return mb >= 1024 ? `${fmt(mb / 1024, 1)} GB` : `${fmt(mb, mb < 10 ? 1 : 0)} MB`;
}
