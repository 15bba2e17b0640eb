import { useState } from 'react';
import type { StoreSettings } from '../../../shared/contract/system';
import type { Shift, ShiftReport } from '../../../shared/contract/till';
import { formatLocalDateTime } from '../../../shared/domain/time';
import { formatRupiah } from '../../../shared/money';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { ZReport } from '../../print/ZReport';
import { errorText } from '../staff/Modal';
import { ErrorAlert } from '../../components/FormParts';
import { EmptyRow } from '../../components/EmptyRow';
import { Pager, usePagedList } from '../../components/Pager';

/** Shifts in the date range, with their Z reports (closed) or an X report (still open) to view and reprint. */
export function ShiftHistory({ range, settings }: { range: { from: string; to: string }; settings: StoreSettings }) {
  const { t, lang } = useI18n();
  const [report, setReport] = useState<ShiftReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { page, rows: shifts, setOffset } = usePagedList('shifts.list', range, { onError: (err) => setError(errorText(err)) });
  const show = async (shift: Shift) => {
    setError(null);
    try {
      setReport(await call(shift.closedAt ? 'shifts.zReport' : 'shifts.xReport', { shiftId: shift.id }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const when = (iso: string) => formatLocalDateTime(iso, settings.timeZone, lang);
  return (
    <section aria-label={t('till.shifts.title')}>
      <h2>{t('till.shifts.title')}</h2>
      <ErrorAlert error={error} />
      <Pager page={page} onOffset={setOffset} list={t('till.shifts.title')} />
      <table aria-label={t('till.shifts.title')}>
        <thead>
          <tr>
            <th>{t('till.z.shift')}</th>
            <th>{t('till.z.cashier')}</th>
            <th>{t('till.z.opened')}</th>
            <th>{t('till.z.closed')}</th>
            <th className="num">{t('till.z.float')}</th>
            <th>{t('till.cart.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {shifts?.map((s) => (
            <tr key={s.id}>
              <td>#{s.id}</td>
              <td>{s.cashierName}</td>
              <td>{when(s.openedAt)}</td>
              <td>{s.closedAt ? when(s.closedAt) : <span className="badge ok">{t('till.shifts.open')}</span>}</td>
              <td className="num">{formatRupiah(s.openingFloat)}</td>
              <td>
                <button type="button" onClick={() => void show(s)} aria-label={t(s.closedAt ? 'till.shifts.zOf' : 'till.shifts.xOf', { id: s.id })}>
                  {s.closedAt ? t('till.shifts.z', { no: String(s.zNumber ?? '') }) : t('till.shifts.x')}
                </button>
              </td>
            </tr>
          ))}
          <EmptyRow show={shifts?.length === 0} colSpan={6} />
        </tbody>
      </table>
      {report && (
        <ZReport
          report={report}
          paper={settings.receiptWidth}
          timeZone={settings.timeZone}
          storeName={settings.storeName}
          actions={
            <button type="button" onClick={() => setReport(null)}>
              {t('common.close')}
            </button>
          }
        />
      )}
    </section>
  );
}
