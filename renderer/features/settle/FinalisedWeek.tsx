import { useEffect, useState } from 'react';
import type { SettlementSummary } from '../../../shared/contract/ledger';
import { call } from '../../api';
import { MAX_PAGE_SIZE } from '../../../shared/contract/paging';
import { useT } from '../../i18n';
import { errorText, useDates } from './common';
import { SettlementTable } from './ListScreen';

/**
 * A week that is already finalised has nothing unsettled left, so its preview would be all zeros:
 * show the settlements made for it instead, each opening its detail (pay, slip, WhatsApp).
 */
export function FinalisedWeek({ periodEnd }: { periodEnd: string }) {
  const t = useT();
  const dates = useDates();
  const [rows, setRows] = useState<SettlementSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // One week has one settlement per producer: one page holds them all.
    call('settlements.list', { periodEnd, limit: MAX_PAGE_SIZE })
      .then((r) => live && setRows([...r.rows].sort((a, b) => a.number.localeCompare(b.number))))
      .catch((err) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [periodEnd]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!rows) return <p className="muted">{t('settle.loading')}</p>;
  if (rows.length === 0) return <p className="muted">{t('settle.none')}</p>;
  return <SettlementTable rows={rows} dates={dates} hideWeek totals label={`${t('settle.tab.list')} — ${dates.date(periodEnd)}`} />;
}
