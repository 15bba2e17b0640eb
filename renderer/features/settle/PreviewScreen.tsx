import { ErrorAlert } from '../../components/FormParts';
import { Fragment, useCallback, useEffect, useState } from 'react';
import type { PeriodInfo, ProducerPreview, SettlementPreview, SettlementSummary, WaitingWeekInfo } from '../../../shared/contract/ledger';
import { formatRupiah } from '../../../shared/money';
import { call } from '../../api';
import { useI18n, useT } from '../../i18n';
import { errorText, useDates, useTimeZone } from './common';
import { Itemisation } from './Itemisation';
import { FinalisedWeek } from './FinalisedWeek';
import { useFinaliseDialog } from './FinaliseDialog';
import { periodText } from '../../print/PayoutSlipPeriod';
import { DateInput } from '../../components/DateInput';

/** Week picker, preview per producer with expandable itemisation, and finalise. */
export function PreviewScreen() {
  const t = useT();
  const { lang } = useI18n();
  const dates = useDates();
  const [recent, setRecent] = useState<PeriodInfo[]>([]);
  const [waiting, setWaiting] = useState<WaitingWeekInfo[]>([]);
  const [periodEnd, setPeriodEnd] = useState<string | null>(null);
  const [preview, setPreview] = useState<SettlementPreview | null>(null);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<SettlementSummary[] | null>(null);

  const loadPeriods = useCallback(() => {
    call('settlements.period', {})
      .then((p) => {
        setRecent(p.recent);
        setWaiting(p.waiting);
        // open on the oldest week still waiting to be finalised: weeks are settled in order
        setPeriodEnd((cur) => cur ?? p.waiting[0]?.periodEnd ?? p.periodEnd);
      })
      .catch((err) => setError(errorText(err)));
  }, []);
  useEffect(loadPeriods, [loadPeriods]);
  const load = useCallback(async (end: string) => {
    setError(null);
    try {
      setPreview(await call('settlements.preview', { periodEnd: end }));
    } catch (err) {
      setPreview(null);
      setError(errorText(err));
    }
  }, []);
  useEffect(() => {
    if (periodEnd) void load(periodEnd);
  }, [periodEnd, load]);

  const toggle = (id: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const tz = useTimeZone();
  const finalise = useFinaliseDialog(tz);
  // The week, the producers, the total and "cannot be undone" first; then the PIN pad.
  const finalize = () =>
    finalise.ask(preview!, async (approval) => {
      const r = await call('settlements.finalize', { periodEnd: preview!.periodEnd, approval });
      setMade(r.settlements);
      await load(preview!.periodEnd);
      loadPeriods();
    });

  return (
    <section aria-labelledby="settle-preview-h">
      <h2 id="settle-preview-h">{t('settle.tab.preview')}</h2>
      <div className="row panel">
        <label>
          {t('settle.week')}
          <select value={periodEnd ?? ''} onChange={(e) => setPeriodEnd(e.target.value)}>
            {periodEnd && !recent.some((r) => r.periodEnd === periodEnd) && <option value={periodEnd}>{dates.date(periodEnd)}</option>}
            {recent.map((r) => (
              <option key={r.periodEnd} value={r.periodEnd}>
                {dates.date(r.periodEnd)}
                {r.finalised ? ' ✓' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settle.weekOther')}
          <DateInput value={periodEnd ?? ''} onChange={(v) => v && setPeriodEnd(v)} />
        </label>
        {preview && (
          <p className="muted settle-period">
            {t('settle.period')}: {periodText(preview.periodStartInstant, preview.periodEndInstant, tz, lang)}
            <br />
            {t('settle.dueDate')}: {dates.date(preview.dueDate)}
          </p>
        )}
      </div>
      <WaitingWeeks waiting={waiting} current={periodEnd} onPick={setPeriodEnd} />
      <ErrorAlert error={error} />
      {made && (
        <p role="status" className="notice">
          {t('settle.finalized', { count: made.length, first: made[0]?.number ?? '', last: made.at(-1)?.number ?? '' })}{' '}
          <a href="#/settle/list">{t('settle.tab.list')}</a>
        </p>
      )}
      {preview && (
        <>
          {!preview.ended && <p className="notice" role="status">{t('settle.notEnded')}</p>}
          {preview.finalised && <p className="notice" role="status">{t('settle.alreadyFinal')}</p>}
          {preview.negative.length > 0 && (
            <p role="status" className="notice">
              {t('settle.negative', { names: preview.negative.map((n) => `${n.name} (${formatRupiah(n.total)})`).join(', ') })}
            </p>
          )}
          {preview.finalised ? (
            <FinalisedWeek key={preview.periodEnd} periodEnd={preview.periodEnd} />
          ) : (
            <>
              {/* Above the table: the keyboard reaches it without tabbing past every producer's details button. */}
              <div className="row" style={{ marginBottom: '0.75rem' }}>
                <button
                  type="button"
                  className="primary"
                  disabled={!preview.ended || preview.finalised || preview.negative.length > 0 || preview.producers.length === 0}
                  onClick={finalize}
                >
                  {t('settle.finalize')}
                </button>
              </div>
              <table aria-label={t('settle.tab.preview')}>
                <thead>
                  <tr>
                    <th>{t('settle.producer')}</th>
                    <th className="num">{t('settle.sales')}</th>
                    <th className="num">{t('settle.refunds')}</th>
                    <th className="num">{t('settle.shrinkage')}</th>
                    <th className="num">{t('settle.deductions')}</th>
                    <th className="num">{t('settle.adjustments')}</th>
                    <th className="num">{t('settle.carried')}</th>
                    <th className="num">{t('settle.total')}</th>
                    <th>{t('settle.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.producers.map((p) => (
                    <Fragment key={p.producer.id}>
                      <PreviewRow p={p} open={open.has(p.producer.id)} onToggle={() => toggle(p.producer.id)} />
                      {open.has(p.producer.id) && (
                        <tr className="settle-expanded">
                          <td colSpan={9}>
                            <Itemisation items={p} lang={lang} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th colSpan={7}>{t('settle.grandTotal')}</th>
                    <th className="num">{formatRupiah(preview.grandTotal)}</th>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </>
          )}
        </>
      )}
      {finalise.dialog}
    </section>
  );
}

function PreviewRow({ p, open, onToggle }: { p: ProducerPreview; open: boolean; onToggle(): void }) {
  const t = useT();
  return (
    <tr>
      <td>
        {p.producer.name}
        {!p.producer.active && <span className="muted"> ({t('common.inactive')})</span>}
      </td>
      <td className="num">{formatRupiah(p.salesTotal)}</td>
      <td className="num">{formatRupiah(p.refundTotal)}</td>
      <td className="num">{formatRupiah(p.shrinkageTotal)}</td>
      <td className="num">{formatRupiah(p.deductionTotal)}</td>
      <td className="num">{formatRupiah(p.adjustmentTotal)}</td>
      <td className="num">
        {p.carriedIn < 0 && <div title={t('settle.carriedIn')}>← {formatRupiah(p.carriedIn)}</div>}
        {p.carriedForward < 0 && <div title={t('settle.carriedForward')}>→ {formatRupiah(p.carriedForward)}</div>}
      </td>
      <td className="num">
        <strong>{formatRupiah(p.totalDue)}</strong>
      </td>
      <td>
        <button type="button" aria-expanded={open} aria-label={t('settle.showDetails', { name: p.producer.name })} onClick={onToggle}>
          {open ? '▾' : '▸'} {t('settle.details')}
        </button>
      </td>
    </tr>
  );
}

/** Every ended week still waiting to be finalised, oldest first; a warning once one is past its due date (SPEC §8). */
function WaitingWeeks({ waiting, current, onPick }: { waiting: WaitingWeekInfo[]; current: string | null; onPick(periodEnd: string): void }) {
  const t = useT();
  const dates = useDates();
  if (waiting.length === 0) return null;
  return (
    <section className="panel settle-waiting" aria-labelledby="settle-waiting-h">
      <h3 id="settle-waiting-h">{t('settle.waiting.title')}</h3>
      <ul>
        {waiting.map((w) => (
          <li key={w.periodEnd}>
            <button type="button" aria-pressed={current === w.periodEnd} aria-label={t('settle.waiting.pick', { week: dates.date(w.periodEnd) })} onClick={() => onPick(w.periodEnd)}>
              {t('settle.waiting.line', { week: dates.date(w.periodEnd), due: dates.date(w.dueDate), total: formatRupiah(w.total), count: w.producerCount })}
            </button>
            {w.overdue && (
              <span role="alert" className="badge danger">
                {t('settle.waiting.overdue', { days: w.daysOverdue })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
