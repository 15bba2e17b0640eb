import { ErrorAlert } from '../../components/FormParts';
import { useEffect, useState } from 'react';
import type { OwedResult } from '../../../shared/contract/ledger';
import { formatRupiah } from '../../../shared/money';
import { call } from '../../api';
import { useT } from '../../i18n';
import { errorText, useDates } from './common';
import { SettlementTable } from './ListScreen';

/** What is owed and overdue across producers, oldest due date first. */
export function OwedScreen() {
  const t = useT();
  const dates = useDates();
  const [owed, setOwed] = useState<OwedResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('settlements.owed', {})
      .then(setOwed)
      .catch((err) => setError(errorText(err)));
  }, []);
  return (
    <section aria-labelledby="settle-owed-h">
      <h2 id="settle-owed-h">{t('settle.tab.owed')}</h2>
      <ErrorAlert error={error} />
      {owed && (
        <>
          <p className="panel">
            <strong>{t('settle.owed.total', { total: formatRupiah(owed.totalRemaining), overdue: formatRupiah(owed.totalOverdue) })}</strong>
          </p>
          {owed.items.length === 0 ? <p className="notice">{t('settle.owed.none')}</p> : <SettlementTable rows={owed.items} dates={dates} showDays />}
        </>
      )}
    </section>
  );
}
