import { ErrorAlert } from '../../components/FormParts';
import { useEffect, useState } from 'react';
import type { FindCodeResult, Statement, StatementLines } from '../../../shared/contract/ledger';
import { MAX_PAGE_SIZE } from '../../../shared/contract/paging';
import { StatementWeeks } from './StatementWeeks';
import { weekSpan } from '../../print/Statement';
import { formatRupiah } from '../../../shared/money';
import { addDays, toLocalDate } from '../../../shared/domain/time';
import { call, streamExport } from '../../api';
import { useT } from '../../i18n';
import { errorText, useDates, useProducers, useTimeZone } from './common';
import { ProducerSelect } from '../../components/ProducerSelect';
import { StatementPrint } from '../../print/Statement';
import { useI18n } from '../../i18n';
import { JobProgressBar } from '../../components/JobProgressBar';
import { DateInput } from '../../components/DateInput';
import type { ProducerInsight } from '../../../shared/contract/insight';
import { MAX_INSIGHT_RANGE_WEEKS } from '../../../shared/contract/insight';
import { StatementInsight } from '../../print/StatementInsight';

/** "Yang laku dan yang kembali" for a statement's range (its last 270 weeks when longer). */
function statementInsight(st: Statement): Promise<ProducerInsight> {
  const earliest = addDays(st.to, -7 * (MAX_INSIGHT_RANGE_WEEKS - 1));
  return call('insight.producer', { producerId: st.producer.id, from: st.from < earliest ? earliest : st.from, to: st.to });
}

/**
 * A producer's statement: one line per week (a page of weeks at a time, each
 * week's entries on demand), a date filter, CSV, a print of the weekly summary
 * for any range with one week's entries as an appendix, and the old-slip code check.
 */
export function StatementScreen() {
  const t = useT();
  const dates = useDates();
  const tz = useTimeZone();
  const { producers } = useProducers();
  const [producerId, setProducerId] = useState<number | ''>('');
  const today = toLocalDate(new Date(), tz);
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const [st, setSt] = useState<Statement | null>(null);
  const [weekOffset, setWeekOffset] = useState(0);
  const [printSt, setPrintSt] = useState<Statement | null>(null);
  const [insight, setInsight] = useState<ProducerInsight | null>(null);
  const [printInsight, setPrintInsight] = useState<ProducerInsight | null>(null);
  const [appendixWeek, setAppendixWeek] = useState('');
  const [appendix, setAppendix] = useState<StatementLines | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<FindCodeResult | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [storeName, setStoreName] = useState('');
  const { lang } = useI18n();
  useEffect(() => {
    call('settings.get', {})
      .then((s) => setStoreName(s.storeName))
      .catch(() => undefined);
  }, []);
  const range = () => ({ ...(from ? { from } : {}), ...(to ? { to } : {}) });

  const show = async (offset = 0) => {
    if (!producerId) return;
    setError(null);
    try {
      const next = await call('ledger.statement', { producerId, ...range(), offset });
      setSt(next);
      setWeekOffset(offset);
      if (offset === 0 || !insight || insight.producer.producerId !== producerId) {
        setInsight(null);
        setInsight(await statementInsight(next));
      }
      setCurrent((await call('ledger.chainCode', { producerId })).code);
    } catch (err) {
      setError(errorText(err));
    }
  };
  // The print holds every week of the range (five years are 261 lines) and, if asked, one week's entries.
  const preparePrint = async (week: string) => {
    if (!producerId) return;
    setError(null);
    try {
      const all = await call('ledger.statement', { producerId, ...range(), limit: MAX_PAGE_SIZE });
      let lines: StatementLines | null = null;
      if (week) {
        lines = await call('ledger.statementLines', { producerId, week, ...range(), limit: MAX_PAGE_SIZE });
        while (lines.rows.length < lines.total) {
          const more: StatementLines = await call('ledger.statementLines', { producerId, week, ...range(), limit: MAX_PAGE_SIZE, offset: lines.rows.length });
          lines = { ...lines, rows: [...lines.rows, ...more.rows] };
        }
      }
      const sold = await statementInsight(all);
      setPrintSt(all);
      setAppendix(lines);
      setPrintInsight(sold);
    } catch (err) {
      setError(errorText(err));
    }
  };
  useEffect(() => {
    if (!producerId && producers[0]) setProducerId(producers[0].id);
  }, [producers, producerId]);
  useEffect(() => {
    void show();
    setFound(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [producerId]);
  const exportCsv = async () => {
    if (!producerId) return;
    try {
      // The entries of any range stream as a download (issue 14), never as one JSON reply.
      await streamExport({ kind: 'statement', producerId, ...range() });
    } catch (err) {
      setError(errorText(err));
    }
  };
  const check = async () => {
    if (!producerId) return;
    try {
      setFound(await call('ledger.findCode', { producerId, code: code.trim() }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const balance = producers.find((p) => p.id === producerId);
  return (
    <section aria-labelledby="settle-statement-h">
      <h2 id="settle-statement-h">{t('settle.tab.statement')}</h2>
      <form
        className="row panel"
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <ProducerSelect
          label={t('settle.statement.pick')}
          producers={producers}
          value={producerId === '' ? null : producerId}
          onChange={(id) => setProducerId(id ?? '')}
        />
        <label>
          {t('settle.statement.from')}
          <DateInput value={from} onChange={setFrom} />
        </label>
        <label>
          {t('settle.statement.to')}
          <DateInput value={to} onChange={setTo} />
        </label>
        <button type="submit" className="primary">
          {t('settle.statement.show')}
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          {t('common.exportCsv')}
        </button>
        <button
          type="button"
          aria-pressed={printing}
          onClick={() => {
            if (!printing) void preparePrint(appendixWeek);
            setPrinting((p) => !p);
          }}
          disabled={!st}
        >
          {t('common.print')}…
        </button>
      </form>
      <JobProgressBar methods={['export.stream']} />
      {printing && printSt && (
        <>
          <label className="no-print">
            {t('stmt.appendixPick')}
            <select
              value={appendixWeek}
              onChange={(e) => {
                setAppendixWeek(e.target.value);
                void preparePrint(e.target.value);
              }}
            >
              <option value="">{t('stmt.appendixNone')}</option>
              {printSt.weeks.rows
                .filter((w) => w.lines > 0)
                .map((w) => (
                  <option key={w.weekEnd} value={w.weekEnd}>
                    {weekSpan(w.from, w.to)}
                  </option>
                ))}
            </select>
          </label>
          <StatementPrint st={printSt} appendix={appendix} storeName={storeName} timeZone={tz} lang={lang} chainCode={current} insight={printInsight} />
        </>
      )}
      {balance && (
        <p className="row">
          <span>
            {t('settle.balance')}: <strong>{formatRupiah(balance.balance)}</strong>
          </span>
          <span>
            {t('settle.unsettled')}: {formatRupiah(balance.unsettled)}
          </span>
          <span>
            {t('settle.owedOn')}: {formatRupiah(balance.owedOnSettlements)}
          </span>
          {current && <span>{t('settle.code.current', { code: current })}</span>}
        </p>
      )}
      <ErrorAlert error={error} />
      {st && <StatementWeeks key={`${st.producer.id} ${st.from} ${st.to} ${weekOffset}`} st={st} onOffset={(o) => void show(o)} range={range()} />}
      {st && !printing && (
        <div className="panel">
          {insight && insight.producer.producerId === st.producer.id ? (
            <StatementInsight insight={insight} lang={lang} from={st.from} to={st.to} />
          ) : (
            <p className="muted">{t('insight.stmt.loading')}</p>
          )}
        </div>
      )}
      <form
        className="panel row"
        style={{ marginTop: '1rem' }}
        aria-labelledby="settle-code-h"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <h3 id="settle-code-h" style={{ width: '100%' }}>
          {t('settle.code.title')}
        </h3>
        <label>
          {t('settle.code.input')}
          <input value={code} onChange={(e) => setCode(e.target.value)} maxLength={64} />
        </label>
        <button type="submit">{t('settle.code.check')}</button>
        {found && (
          <p role="status" className={found.found && found.chainOk ? 'notice' : 'error'}>
            {found.found
              ? t('settle.code.found', {
                  seq: found.entry.seq,
                  date: dates.dateTime(found.entry.occurredAt, tz),
                  after: found.entriesAfter,
                  chain: t(found.chainOk ? 'settle.code.chainOk' : 'settle.code.chainBroken'),
                })
              : t('settle.code.notFound', { chain: t(found.chainOk ? 'settle.code.chainOk' : 'settle.code.chainBroken') })}
          </p>
        )}
      </form>
    </section>
  );
}
