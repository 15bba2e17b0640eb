import { useEffect, useState } from 'react';
import type { InsightProductRow } from '../../shared/contract/insight';
import type { Lang } from '../../shared/i18nText';
import { call } from '../api';
import { translate } from '../i18n';

/**
 * "Yang laku" on the payout slip: one short line per product over the last four
 * weeks (sold, returned, sell-through), so the producer takes the figures home.
 * Prints nothing until loaded, or if the producer had nothing in the window.
 */
export function SlipInsight({ producerId, lang }: { producerId: number; lang: Lang }) {
  const [rows, setRows] = useState<InsightProductRow[] | null>(null);
  useEffect(() => {
    let live = true;
    call('insight.producer', { producerId, weeks: 4 })
      .then((r) => live && setRows(r.products.filter((p) => p.totals.delivered > 0 || p.totals.sold > 0)))
      .catch(() => live && setRows([]));
    return () => {
      live = false;
    };
  }, [producerId]);
  // While loading, a marker: a print waits for it to go, so the slip never changes mid-print.
  if (!rows) return <span hidden data-slip-insight-loading />;
  if (rows.length === 0) return null;
  return (
    <div className="slip-trust" data-testid="slip-insight">
      <strong>{translate(lang, 'insight.slip.title')}</strong>
      {rows.map((p) => {
        const r = p.totals.returned;
        const st = p.totals.sellThroughBps;
        return (
          <div key={p.productId}>
            {translate(lang, 'insight.slip.line', {
              name: p.name,
              sold: p.totals.sold,
              returned: r.unsold + r.expired + r.damaged,
              pct: st === null ? '—' : `${Math.floor(st / 100)}%`,
            })}
          </div>
        );
      })}
    </div>
  );
}
