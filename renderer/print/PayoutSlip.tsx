import type { SettlementDetail } from '../../shared/contract/ledger';
import { formatRupiah } from '../../shared/money';
import { formatLocalDate, formatLocalDateTime } from '../../shared/domain/time';
import { formatBps, formatTenths } from '../../shared/domain/trust';
import type { Lang } from '../../shared/i18nText';
import { translate, type StringKey } from '../i18n';
import { PrintFrame, type Paper } from './PrintFrame';
import { SignatureLines } from './SignatureLines';
import { SlipInsight } from './SlipInsight';
import type { ReactNode } from 'react';
import { periodText } from './PayoutSlipPeriod';
import './PayoutSlip.css';

export type SlipLayout = 'A5' | 'A4' | '80mm';

/**
 * The payout slip (slip pembayaran) the producer takes home and signs: every
 * rupiah of the settlement itemised, what was paid now and before, what
 * remains, the shop's payment record and the ledger chain code. Printed in
 * the store's language.
 */
export function PayoutSlip({ d, layout, actions }: { d: SettlementDetail; layout: SlipLayout; actions?: ReactNode }) {
  const lang: Lang = d.store.language;
  const t = (key: StringKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const tz = d.store.timeZone;
  const compact = layout === '80mm';
  const i = d.items;
  const refunds = i.products.filter((p) => p.unitsRefunded > 0 || p.refundShare !== 0);
  // a void is a cancelled sale, not goods a customer brought back
  const voids = i.products.filter((p) => p.unitsVoided > 0 || p.voidShare !== 0);
  const money = formatRupiah;
  const pref = d.producerDetail;
  const prefText = [t(`settle.slip.pref.${pref.payoutMethod}`), pref.payoutProvider, pref.payoutAccount, pref.payoutAccountName].filter(Boolean).join(' · ');
  return (
    <PrintFrame paper={layout as Paper} title={t('settle.slip.preview')} actions={actions}>
      <div className={`payout-slip ${compact ? 'compact' : ''}`} data-testid="payout-slip">
        <header className="slip-head">
          <div className="store-name">{d.store.storeName}</div>
          {d.store.storeAddress && <div>{d.store.storeAddress}</div>}
          {d.store.storePhone && <div>{d.store.storePhone}</div>}
          <div className="slip-title">{t('settle.slip.title')}</div>
          <div>
            {t('settle.slip.number')} <strong>{d.number}</strong>
          </div>
        </header>
        <dl className="slip-facts">
          <dt>{t('settle.producer')}</dt>
          <dd>
            <strong>{pref.name}</strong>
            {pref.phone && <> · {pref.phone}</>}
            {pref.address && <> · {pref.address}</>}
          </dd>
          <dt>{t('settle.slip.payoutPref')}</dt>
          <dd>{prefText}</dd>
          <dt>{t('settle.period')}</dt>
          <dd>
            {periodText(d.periodStart, d.periodEndInstant, tz, lang)}
          </dd>
          <dt>{t('settle.dueDate')}</dt>
          <dd>{formatLocalDate(d.dueDate, lang)}</dd>
        </dl>

        <h3>{t('settle.slip.products')}</h3>
        {i.products.length === 0 && <p>{t('settle.nothingSold')}</p>}
        {i.products.length > 0 && compact && (
          <div className="slip-lines">
            {i.products.flatMap((p) =>
              p.saleRows.map((r, k) => (
                <div key={`${p.productId}-${k}`} className="slip-line">
                  <div>{p.productName}</div>
                  <div className="amt-row">
                    <span>
                      {r.units} {p.unit} × {r.sharePerUnit === null ? t('settle.varies') : money(r.sharePerUnit)}
                    </span>
                    <span>{money(r.subtotal)}</span>
                  </div>
                </div>
              )),
            )}
          </div>
        )}
        {i.products.length > 0 && !compact && (
          <table>
            <thead>
              <tr>
                <th>{t('settle.product')}</th>
                <th className="num">{t('settle.unitsSold')}</th>
                <th className="num">{t('settle.sharePerUnit')}</th>
                <th className="num">{t('settle.subtotal')}</th>
              </tr>
            </thead>
            <tbody>
              {i.products.flatMap((p) =>
                p.saleRows.map((r, k) => (
                  <tr key={`${p.productId}-${k}`}>
                    <td>{p.productName}</td>
                    <td className="num">
                      {r.units} {p.unit}
                    </td>
                    <td className="num">{r.sharePerUnit === null ? t('settle.varies') : money(r.sharePerUnit)}</td>
                    <td className="num">{money(r.subtotal)}</td>
                  </tr>
                )),
              )}
              <tr className="sum">
                <td colSpan={3}>{t('settle.sales')}</td>
                <td className="num">{money(i.salesTotal)}</td>
              </tr>
            </tbody>
          </table>
        )}
        <SlipSection title={t('settle.refunds')} rows={refunds.map((p) => [`${p.productName} (${p.unitsRefunded} ${p.unit})`, p.refundShare])} />
        <SlipSection title={t('settle.voids')} rows={voids.map((p) => [`${p.productName} (${p.unitsVoided} ${p.unit})`, p.voidShare])} />
        <SlipSection title={t('settle.shrinkage')} rows={i.shrinkage.map((s) => [`${s.productName} (${s.units} ${s.unit})`, s.amount])} />
        <SlipSection title={t('settle.deductions')} rows={i.deductions.map((x) => [x.reason, x.amount])} />
        <SlipSection title={t('settle.adjustments')} rows={i.adjustments.map((x) => [x.reason, x.amount])} />

        <div className="slip-totals">
          {(d.carriedIn < 0 || d.carriedForward < 0) && (
            <div className="amt-row">
              <span>{t('settle.weekTotal')}</span>
              <span>{money(i.totalDue)}</span>
            </div>
          )}
          {d.carriedIn < 0 && (
            <div className="amt-row">
              <span>{t('settle.carriedIn')}</span>
              <span>{money(d.carriedIn)}</span>
            </div>
          )}
          {d.carriedForward < 0 && (
            <div className="amt-row">
              <span>{t('settle.carriedForward')}</span>
              <span>{money(-d.carriedForward)}</span>
            </div>
          )}
          <div className="amt-row total">
            <span>{t('settle.slip.totalDue')}</span>
            <span>{money(d.totalDue)}</span>
          </div>
          <div className="amt-row">
            <span>{t('settle.slip.paidBefore')}</span>
            <span>{money(d.paidBefore)}</span>
          </div>
          <div className="amt-row">
            <span>{t('settle.slip.paidNow')}</span>
            <span>{money(d.paidNow)}</span>
          </div>
          <div className="amt-row total">
            <span>{t('settle.slip.remaining')}</span>
            <span>{money(d.remainingAfter)}</span>
          </div>
          {d.forPayout && (
            <p className="small">
              {t('settle.slip.paidVia', {
                method: t(`settle.payout.method.${d.forPayout.method}`),
                reference: d.forPayout.reference ? `(${d.forPayout.reference})` : '',
                at: formatLocalDateTime(d.forPayout.paidAt, tz, lang),
                receiver: d.forPayout.receiverName,
              })}
            </p>
          )}
        </div>

        <div className="slip-boxes">
        <div className="slip-trust">
          <strong>{t('settle.slip.trust')}</strong>
          <div>
            {d.trust.onTimeRateBps === null
              ? t('settle.slip.trustNone')
              : t('settle.slip.trustLine', {
                  rate: formatBps(d.trust.onTimeRateBps, lang),
                  count: d.trust.settlementsCounted,
                  late: formatTenths(d.trust.averageDaysLateTenths ?? 0, lang),
                })}
          </div>
          {d.trust.overdueNow > 0 && <div>{t('settle.slip.overdueNow', { count: d.trust.overdueNow })}</div>}
        </div>

        <div className="slip-chain">
          {t('settle.slip.chain')}: <code>{d.chainCode}</code>
          <div className="small">{t('settle.slip.chainHelp')}</div>
        </div>
        </div>

        <SlipInsight producerId={pref.id} lang={lang} />
        <SignatureLines
          slots={[
            { onLine: t('settle.slip.producerSign'), below: pref.name },
            { onLine: t('settle.slip.managerSign'), below: d.forPayout?.createdByName ?? d.createdByName ?? '' },
          ]}
        />
        <p className="small printed">{t('settle.slip.printed', { at: formatLocalDateTime(d.printedAt, tz, lang) })}</p>
      </div>
    </PrintFrame>
  );
}

function SlipSection({ title, rows }: { title: string; rows: [string, number][] }) {
  if (rows.length === 0) return null;
  return (
    <div className="slip-section">
      <h3>{title}</h3>
      {rows.map(([label, amount], k) => (
        <div key={k} className="amt-row">
          <span>{label}</span>
          <span>{formatRupiah(amount)}</span>
        </div>
      ))}
    </div>
  );
}
