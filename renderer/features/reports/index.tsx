import { useCallback, useEffect, useRef, useState } from 'react';
import type { SalesReport } from '../../../shared/contract/till';
import { formatLocalDateTime } from '../../../shared/domain/time';
import { formatRupiah } from '../../../shared/money';
import { call, streamExport } from '../../api';
import { auditWords } from '../../../shared/domain/auditWords';
import { useI18n } from '../../i18n';
import { formatCount } from '../../components/count';
import { JobProgressBar } from '../../components/JobProgressBar';
import { errorText } from '../staff/Modal';
import { useSession } from '../staff/session';
import { todayIn, useStoreSettings } from '../../components/storeSettings';
import { ShiftHistory } from './ShiftHistory';
import { downloadText } from '../../download';
import { ErrorAlert } from '../../components/FormParts';
import { EmptyRow } from '../../components/EmptyRow';
import { DateInput } from '../../components/DateInput';
import { Pager, usePagedList } from '../../components/Pager';
import { IncomeReport } from './IncomeReport';
import { ShopInsight } from '../insight/ShopInsight';
import { autoGrouping } from './grouping';

/** Reports (#/reports): sales by product and by producer for a date range, with CSV; the audit log for managers. */
export default function ReportsScreen() {
  const { t, lang } = useI18n();
  const settings = useStoreSettings();
  const { staff } = useSession();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [report, setReport] = useState<SalesReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (settings && !range) {
      const today = todayIn(settings.timeZone);
      setRange({ from: today, to: today });
    }
  }, [settings, range]);

  // Only the newest range's answer is shown: an older one arriving late (its error too) is dropped.
  const latest = useRef(0);
  const load = useCallback(async () => {
    if (!range) return;
    const asked = ++latest.current;
    setError(null);
    try {
      // Grouped as the income table shows it when not asked otherwise (long ranges by week or month).
      const answer = await call('reports.sales', { ...range, groupBy: autoGrouping(range.from, range.to) });
      if (asked === latest.current) setReport(answer);
    } catch (err) {
      if (asked === latest.current) setError(errorText(err));
    }
  }, [range]);
  useEffect(() => {
    void load();
  }, [load]);

  const exportCsv = async (by: 'product' | 'producer') => {
    if (!range) return;
    try {
      const file = await call('reports.salesCsv', { ...range, by });
      downloadText(file.filename, file.csv);
    } catch (err) {
      setError(errorText(err));
    }
  };
  /** Receipts and sale lines over any range stream as a download (issue 14), never as one JSON reply. */
  const streamCsv = async (kind: 'sales' | 'saleLines') => {
    if (!range) return;
    setError(null);
    try {
      await streamExport({ kind, ...range });
    } catch (err) {
      setError(errorText(err));
    }
  };

  if (!settings || !range) return <p className="loading">{t('app.loading')}</p>;
  return (
    <div className="stack reports-screen">
      <h1>{t('till.reports.title')}</h1>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label>
          {t('till.reports.from')}
          <DateInput value={range.from} onChange={(v) => v && setRange({ ...range, from: v })} aria-label={t('till.reports.from')} />
        </label>
        <label>
          {t('till.reports.to')}
          <DateInput value={range.to} onChange={(v) => v && setRange({ ...range, to: v })} aria-label={t('till.reports.to')} />
        </label>
        <button type="submit">{t('till.reports.show')}</button>
        <button type="button" onClick={() => void exportCsv('product')}>
          {t('till.reports.csvProduct')}
        </button>
        <button type="button" onClick={() => void exportCsv('producer')}>
          {t('till.reports.csvProducer')}
        </button>
        <button type="button" onClick={() => void streamCsv('sales')}>
          {t('till.reports.csvSale')}
        </button>
        <button type="button" onClick={() => void streamCsv('saleLines')}>
          {t('till.reports.csvLines')}
        </button>
      </form>
      <JobProgressBar methods={['reports.salesCsv', 'export.stream']} />
      <ErrorAlert error={error} />
      {report && (
        <>
          <section className="panel" aria-label={t('till.reports.totals')}>
            <div className="row">
              <Figure label={t('till.reports.sales')} value={formatCount(report.totals.sales, lang)} />
              <Figure label={t('till.reports.units')} value={formatCount(report.totals.units, lang)} />
              <Figure label={t('till.reports.gross')} value={formatRupiah(report.totals.gross)} />
              <Figure label={t('till.reports.discounts')} value={formatRupiah(report.totals.discounts)} />
              <Figure label={t('till.reports.refunds')} value={formatRupiah(report.totals.refunds)} />
              <Figure label={t('till.reports.net')} value={formatRupiah(report.totals.net)} />
              <Figure label={t('till.reports.producerShare')} value={formatRupiah(report.totals.producerShare)} />
              <Figure label={t('income.commission')} value={formatRupiah(report.totals.commission)} />
              <Figure label={t('income.voids')} value={formatRupiah(report.totals.voids)} />
            </div>
          </section>
          <IncomeReport range={range} onError={setError} screenReport={report} />
          <SalesTable
            title={t('till.reports.byProduct')}
            names={[t('till.cart.product'), t('till.reports.producer')]}
            rows={report.byProduct.map((p) => ({ key: p.productId, names: [p.productName, p.producerShortName], ...p }))}
          />
          <SalesTable
            title={t('till.reports.byProducer')}
            names={[t('till.reports.producer')]}
            rows={report.byProducer.map((p) => ({ key: p.producerId, names: [p.producerName], ...p }))}
          />
        </>
      )}
      {staff.role === 'manager' && <ShopInsight />}
      <ShiftHistory range={range} settings={settings} />
      {staff.role === 'manager' ? <AuditLog range={range} timeZone={settings.timeZone} /> : <p className="muted">{t('till.audit.managersOnly')}</p>}
    </div>
  );
}

interface SalesRow {
  key: number;
  names: string[];
  units: number;
  net: number;
  producerShare: number;
}

/** Sales grouped one way (by product, by producer): the naming columns, then units, net sales and the producers' share. */
function SalesTable({ title, names, rows }: { title: string; names: string[]; rows: SalesRow[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      <h2>{title}</h2>
      <table aria-label={title}>
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n}>{n}</th>
            ))}
            <th className="num">{t('till.reports.units')}</th>
            <th className="num">{t('till.reports.net')}</th>
            <th className="num">{t('till.reports.producerShare')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.names.map((n, i) => (
                <td key={i}>{n}</td>
              ))}
              <td className="num">{formatCount(r.units, lang)}</td>
              <td className="num">{formatRupiah(r.net)}</td>
              <td className="num">{formatRupiah(r.producerShare)}</td>
            </tr>
          ))}
          <EmptyRow show={rows.length === 0} colSpan={names.length + 3} />
        </tbody>
      </table>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="stack" style={{ gap: '0.1rem', minWidth: '8rem' }}>
      <span className="muted">{label}</span>
      <strong>{value}</strong>
    </div>
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const brief = (v: unknown) => {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Internal ids (UUIDs, row ids, chain positions) say nothing to the shop; the sentence names what they point at. */
const internalKey = (k: string) => /(^id$|Id$|^seq$)/.test(k);

/** Before/after as `key: value` lines; when both are objects, only the keys that changed; instants in local time. */
function describeSide(side: unknown, other: unknown, timeZone: string, lang: 'id' | 'en'): string {
  if (side === null || side === undefined) return '';
  if (!isRecord(side)) return brief(side);
  const keys = Object.keys(side).filter((k) => !internalKey(k) && (!isRecord(other) || JSON.stringify(side[k]) !== JSON.stringify(other[k])));
  const value = (v: unknown) => (typeof v === 'string' && INSTANT.test(v) ? formatLocalDateTime(v, timeZone, lang) : brief(v));
  return keys.map((k) => `${k}: ${value(side[k])}`).join('\n');
}

function AuditLog({ range, timeZone }: { range: { from: string; to: string }; timeZone: string }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const { page, rows: entries, setOffset } = usePagedList('audit.list', range, { onError: (err) => setError(errorText(err)) });
  return (
    <section aria-label={t('till.audit.title')}>
      <h2>{t('till.audit.title')}</h2>
      <ErrorAlert error={error} />
      <Pager page={page} onOffset={setOffset} list={t('till.audit.title')} />
      <table aria-label={t('till.audit.title')}>
        <thead>
          <tr>
            <th>{t('till.audit.when')}</th>
            <th>{t('till.audit.who')}</th>
            <th>{t('till.audit.what')}</th>
            <th>{t('till.audit.subject')}</th>
            <th>{t('till.audit.before')}</th>
            <th>{t('till.audit.after')}</th>
            <th>{t('till.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {entries?.map((e) => {
            const words = auditWords(e, lang, timeZone);
            return (
            <tr key={e.id}>
              <td>{words.when}</td>
              <td>{words.who}</td>
              <td colSpan={2}>{words.what}</td>
              <td className="audit-json">{describeSide(e.before, e.after, timeZone, lang)}</td>
              <td className="audit-json">{describeSide(e.after, e.before, timeZone, lang)}</td>
              <td>{e.reason}</td>
            </tr>
            );
          })}
          <EmptyRow show={entries?.length === 0} colSpan={7} />
        </tbody>
      </table>
    </section>
  );
}
