import type { Statement, StatementLines } from '../../shared/contract/ledger';
import { formatRupiah } from '../../shared/money';
import { formatLocalDate, formatLocalDateTime } from '../../shared/domain/time';
import type { Lang } from '../../shared/i18nText';
import { translate, type StringKey } from '../i18n';
import { PrintFrame } from './PrintFrame';
import type { ProducerInsight } from '../../shared/contract/insight';
import { StatementInsight } from './StatementInsight';
import './PayoutSlip.css';
import './Statement.css';

/** "26/10 – 01/11/26": a week in one short, unbreakable cell. */
export function weekSpan(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-');
  const [ty, tm, td] = to.split('-');
  return from === to ? `${td}/${tm}/${ty!.slice(2)}` : `${fd}/${fm}${fy === ty ? '' : `/${fy!.slice(2)}`} – ${td}/${tm}/${ty!.slice(2)}`;
}

/**
 * A producer's statement on A4: one line per settlement week (a year fits on a
 * couple of pages), with one chosen week's entries as an appendix if asked.
 */
export function StatementPrint({
  st,
  appendix,
  storeName,
  timeZone,
  lang,
  chainCode,
  insight,
}: {
  st: Statement;
  /** "Yang laku dan yang kembali" for the statement's range: its own page at the end. */
  insight?: ProducerInsight | null;
  appendix: StatementLines | null;
  storeName: string;
  timeZone: string;
  lang: Lang;
  chainCode: string | null;
}) {
  const t = (key: StringKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const range = `${formatLocalDate(st.from, lang)} – ${formatLocalDate(st.to, lang)}`;
  const money = (n: number) => (n === 0 ? '–' : formatRupiah(n));
  return (
    <PrintFrame paper="A4" title={`${t('settle.tab.statement')} ${st.producer.name} ${st.from} ${st.to}`}>
      <div className="payout-slip statement-print">
        <header className="slip-head">
          <div className="store-name">{storeName}</div>
          <div className="slip-title">{t('settle.tab.statement').toUpperCase()}</div>
          <div>
            <strong>{st.producer.name}</strong> · {range}
          </div>
        </header>
        <h3>{t('stmt.weeks')}</h3>
        <table>
          <thead>
            <tr>
              <th>{t('stmt.week')}</th>
              <th className="num">{t('stmt.sales')}</th>
              <th className="num">{t('stmt.refunds')}</th>
              <th className="num">{t('stmt.shrinkage')}</th>
              <th className="num">{t('stmt.deductions')}</th>
              <th className="num">{t('stmt.adjustments')}</th>
              <th className="num">{t('stmt.payouts')}</th>
              <th className="num">{t('stmt.balance')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td colSpan={7}>{t('settle.statement.opening')}</td>
              <td className="num">{formatRupiah(st.openingBalance)}</td>
            </tr>
            {st.weeks.rows.map((w) => (
              <tr key={w.weekEnd}>
                <td className="week">{weekSpan(w.from, w.to)}</td>
                <td className="num">{money(w.sales)}</td>
                <td className="num">{money(w.refunds)}</td>
                <td className="num">{money(w.shrinkage)}</td>
                <td className="num">{money(w.deductions)}</td>
                <td className="num">{money(w.adjustments)}</td>
                <td className="num">{money(w.payouts)}</td>
                <td className="num">{formatRupiah(w.closingBalance)}</td>
              </tr>
            ))}
            <tr className="sum">
              <td colSpan={7}>{t('settle.statement.closing')}</td>
              <td className="num">{formatRupiah(st.closingBalance)}</td>
            </tr>
          </tbody>
        </table>
        {appendix && (
          <>
            <h3>{t('stmt.appendix', { week: weekSpan(appendix.from, appendix.to) })}</h3>
            <table>
              <thead>
                <tr>
                  <th>{t('settle.statement.date')}</th>
                  <th>{t('settle.statement.kind')}</th>
                  <th>{t('settle.statement.description')}</th>
                  <th className="num">{t('settle.amount')}</th>
                  <th className="num">{t('settle.statement.balance')}</th>
                  <th>{t('settle.statement.code')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td colSpan={4}>{t('settle.statement.opening')}</td>
                  <td className="num">{formatRupiah(appendix.openingBalance)}</td>
                  <td />
                </tr>
                {appendix.rows.map((l) => (
                  <tr key={l.id}>
                    <td className="when">{formatLocalDateTime(l.occurredAt, timeZone, lang)}</td>
                    <td>{t(`settle.kind.${l.kind}`)}</td>
                    <td className="desc">{[l.productName, l.quantity ? `× ${l.quantity}` : '', l.reason, l.settlementNumber ? `(${l.settlementNumber})` : ''].filter(Boolean).join(' ')}</td>
                    <td className="num">{formatRupiah(l.amount)}</td>
                    <td className="num">{formatRupiah(l.balance)}</td>
                    <td>
                      <code>{l.code}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {chainCode && (
          <div className="slip-chain">
            {t('settle.slip.chain')}: <code>{chainCode}</code>
          </div>
        )}
        {insight && <StatementInsight insight={insight} lang={lang} from={st.from} to={st.to} />}
      </div>
    </PrintFrame>
  );
}
