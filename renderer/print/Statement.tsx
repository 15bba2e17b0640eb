import type { Statement } from '../../shared/contract/ledger';
import { formatRupiah } from '../../shared/money';
import { formatLocalDate, formatLocalDateTime } from '../../shared/domain/time';
import type { Lang } from '../../shared/i18nText';
import { translate, type StringKey } from '../i18n';
import { PrintFrame } from './PrintFrame';
import './PayoutSlip.css';

/** A producer's ledger statement on A4: every entry with its running balance and chain code. */
export function StatementPrint({ st, storeName, timeZone, lang, chainCode }: { st: Statement; storeName: string; timeZone: string; lang: Lang; chainCode: string | null }) {
  const t = (key: StringKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const range = [st.from ? formatLocalDate(st.from, lang) : '…', st.to ? formatLocalDate(st.to, lang) : '…'].join(' – ');
  return (
    <PrintFrame paper="A4" title={t('settle.tab.statement')}>
      <div className="payout-slip">
        <header className="slip-head">
          <div className="store-name">{storeName}</div>
          <div className="slip-title">{t('settle.tab.statement').toUpperCase()}</div>
          <div>
            <strong>{st.producer.name}</strong> · {range}
          </div>
        </header>
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
              <td className="num">{formatRupiah(st.openingBalance)}</td>
              <td />
            </tr>
            {st.lines.map((l) => (
              <tr key={l.id}>
                <td>{formatLocalDateTime(l.occurredAt, timeZone, lang)}</td>
                <td>{t(`settle.kind.${l.kind}`)}</td>
                <td>{[l.productName, l.quantity ? `× ${l.quantity}` : '', l.reason, l.settlementNumber ? `(${l.settlementNumber})` : ''].filter(Boolean).join(' ')}</td>
                <td className="num">{formatRupiah(l.amount)}</td>
                <td className="num">{formatRupiah(l.balance)}</td>
                <td>
                  <code>{l.code}</code>
                </td>
              </tr>
            ))}
            <tr className="sum">
              <td colSpan={4}>{t('settle.statement.closing')}</td>
              <td className="num">{formatRupiah(st.closingBalance)}</td>
              <td />
            </tr>
          </tbody>
        </table>
        {chainCode && (
          <div className="slip-chain">
            {t('settle.slip.chain')}: <code>{chainCode}</code>
          </div>
        )}
      </div>
    </PrintFrame>
  );
}
