import { useEffect, useState } from 'react';
import type { TrustProducerDetail } from '../../../shared/contract/trust';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { TrustStatement } from '../../print/TrustStatement';
import { Headline } from './Headline';
import { RangePicker } from './RangePicker';
import { SettlementsTable } from './SettlementsTable';
import { TimelineChart } from './TimelineChart';
import { TrendTable } from './TrendChart';
import { saveTrustCsv, TrustPrintView } from './TrustPrint';
import { dateText } from './format';
import type { TrustRoute } from './useTrustRoute';
import { ErrorAlert } from '../../components/FormParts';
import { InsightView } from '../insight/InsightView';
import { TrustInsight } from '../insight/TrustInsight';

/** One producer's trust detail: figures, due-vs-paid timeline, settlements. */
export function ProducerView({ route, go }: { route: TrustRoute; go(next: TrustRoute): void }) {
  const { t, lang } = useI18n();
  const producerId = route.producerId!;
  const [detail, setDetail] = useState<TrustProducerDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [insight, setInsight] = useState(false);
  useEffect(() => {
    let live = true;
    setError(null);
    call('reports.trustProducer', { producerId, from: route.from, to: route.to })
      .then((d) => live && setDetail(d))
      .catch((e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [producerId, route.from, route.to]);

  const back = () => go({ producerId: null, from: route.from, to: route.to, print: false });
  if (error)
    return (
      <div className="stack">
        <ErrorAlert error={error} />
        <button type="button" onClick={back}>← {t('trust.backToStore')}</button>
      </div>
    );
  if (!detail || detail.producer.producerId !== producerId) return <p className="loading">{t('app.loading')}</p>;
  if (insight) return <InsightView producerId={producerId} onBack={() => setInsight(false)} />;
  if (route.print) {
    return (
      <TrustPrintView title={t('trust.statement.title')} onBack={() => go({ ...route, print: false })}>
        <TrustStatement detail={detail} />
      </TrustPrintView>
    );
  }
  const exportCsv = () => saveTrustCsv({ producerId, from: route.from, to: route.to, lang }, setError);
  const inRange = detail.settlements.filter((s) => s.inRange);
  const rows = showAll ? detail.settlements : inRange;
  const overdueAmount = detail.settlements.filter((s) => s.status === 'overdue').reduce((n, s) => n + s.outstanding, 0);
  return (
    <div className="trust stack">
      <nav className="no-print">
        <button type="button" className="trust-link" onClick={back}>← {t('trust.backToStore')}</button>
      </nav>
      <header className="row trust-head">
        <div>
          <h1>{detail.producer.name}</h1>
          <p className="muted trust-sub">
            {t('trust.subtitle', { from: dateText(detail.from, lang), to: dateText(detail.to, lang), asOf: dateText(detail.asOf, lang) })}
          </p>
        </div>
        <div className="row trust-actions">
          <button type="button" onClick={() => setInsight(true)}>{t('insight.open')}</button>
          <button type="button" onClick={() => go({ ...route, print: true })}>{t('trust.printStatement')}</button>
          <button type="button" onClick={() => void exportCsv()}>⬇ {t('common.exportCsv')}</button>
        </div>
      </header>
      <RangePicker from={detail.from} to={detail.to} asOf={detail.asOf} onChange={(r) => go({ producerId, ...r, print: false })} />
      <Headline range={detail.range} allTime={detail.allTime} overdueAmount={overdueAmount} />
      <TrustInsight producerId={producerId} onOpen={() => setInsight(true)} />
      <section className="panel" aria-labelledby="trust-timeline-h">
        <h2 id="trust-timeline-h">{t('trust.timeline.title')}</h2>
        <TimelineChart rows={inRange} asOf={detail.asOf} />
      </section>
      <section className="panel" aria-labelledby="trust-settlements-h">
        <div className="row trust-head">
          <h2 id="trust-settlements-h">{t('trust.settlements.title')}</h2>
          <label className="trust-check">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            {t('trust.settlements.showAll', { n: detail.settlements.length })}
          </label>
        </div>
        {rows.length === 0 ? <p className="muted">{t('trust.settlements.none')}</p> : <SettlementsTable rows={rows} />}
      </section>
      {detail.trend.length > 0 && (
        <section className="panel" aria-labelledby="trust-ptrend-h">
          <h2 id="trust-ptrend-h">{t('trust.trend.title')}</h2>
          <TrendTable months={detail.trend} />
        </section>
      )}
    </div>
  );
}
