/** The table and the JSON file of a run. */
import type { Row } from './coreBench';

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(3)} ms`);

export function table(rows: Row[]): string {
  const head = ['measurement', 'n', 'p50', 'p99', 'cpu p50', 'budget', 'floor p50', 'floor p99', 'ratio p50', 'ratio p99', 'verdict'];
  const body = rows.map((r) => {
    const t = r.time;
    const f = r.floor;
    const verdict = !t ? (r.note ?? 'not available yet') : r.ok === null ? 'no budget' : r.ok ? 'MEETS' : 'MISSES';
    return [
      r.label,
      t ? String(t.n) : '—',
      t ? ms(t.p50) : '—',
      t ? ms(t.p99) : '—',
      r.cpu ? ms(r.cpu.p50) : '',
      r.budget,
      f ? ms(f.p50) : '',
      f ? ms(f.p99) : '',
      f && t ? `${(t.p50 / f.p50).toFixed(2)}×` : '',
      f && t ? `${(t.p99 / f.p99).toFixed(2)}×` : '',
      verdict,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 || i === 5 || i === 10 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 || i === 5 || i === 10 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

export function notes(rows: Row[]): string[] {
  return rows.filter((r) => r.note && r.time).map((r) => `- ${r.label}: ${r.note}`);
}
