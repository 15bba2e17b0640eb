import { useEffect, useState } from 'react';
import type { TrustReport } from '../../../shared/contract/trust';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { TrustReportPrint } from '../../print/TrustReport';
import { Headline } from './Headline';
import { LateNowList } from './LateNowList';
import { ProducerTable } from './ProducerTable';
import { RangePicker } from './RangePicker';
import { TrendChart } from './TrendChart';
import { saveTrustCsv, TrustPrintView } from './TrustPrint';
import { dateText } from './format';
import type { TrustRoute } from './useTrustRoute';
import { ErrorAlert } from '../../components/FormParts';

/** Store-wide trust report. */
export function StoreView({ route, go }: { route: TrustRoute; go(next: TrustRoute): void }) {
  const { t, lang } = useI18n();
  const [report, setReport] = useState<TrustReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    call('reports.trust', { from: route.from, to: route.to })
      .then((r) => live && setReport(r))
      .catch((e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [route.from, route.to]);

  if (error) return <ErrorAlert error={error} />;
  if (!report) return <p className="loading">{t('app.loading')}</p>;
  const open = (producerId: number) => go({ producerId, from: route.from, to: route.to, print: false });
  const exportCsv = () => saveTrustCsv({ from: route.from, to: route.to, lang }, setError);
  if (route.print) {
    return (
      <TrustPrintView title={t('trust.print.reportTitle')} onBack={() => go({ ...route, print: false })}>
        <TrustReportPrint report={report} />
      </TrustPrintView>
    );
  }
  const overdueAmount = report.lateNow.reduce((n, l) => n + l.overdueAmount, 0);
  return (
    <div className="trust stack">
      <header className="row trust-head">
        <div>
          <h1>{t('trust.title')}</h1>
          <p className="muted trust-sub">
            {t('trust.subtitle', { from: dateText(report.from, lang), to: dateText(report.to, lang), asOf: dateText(report.asOf, lang) })}
          </p>
        </div>
        <div className="row trust-actions">
          <button type="button" onClick={() => go({ ...route, print: true })}>{t('trust.printReport')}</button>
          <button type="button" onClick={() => void exportCsv()}>⬇ {t('common.exportCsv')}</button>
        </div>
      </header>
      <RangePicker from={report.from} to={report.to} asOf={report.asOf} onChange={(r) => go({ producerId: null, ...r, print: false })} />
      <Headline range={report.store.range} allTime={report.store.allTime} overdueAmount={overdueAmount} />
      <section className="panel" aria-labelledby="trust-late-now-h">
        <h2 id="trust-late-now-h">{t('trust.lateNow.title')}</h2>
        <LateNowList rows={report.lateNow} onOpen={open} />
      </section>
      <section className="panel" aria-labelledby="trust-trend-h">
        <h2 id="trust-trend-h">{t('trust.chart.title')}</h2>
        <TrendChart months={report.store.trend} />
      </section>
      <section className="panel" aria-labelledby="trust-producers-h">
        <h2 id="trust-producers-h">{t('trust.producers.title')}</h2>
        <p className="muted">{t('trust.producers.hint')}</p>
        <ProducerTable rows={report.producers} timeZone={report.timeZone} onOpen={open} />
      </section>
      <p className="muted trust-foot">{t('trust.definitions')}</p>
    </div>
  );
}
