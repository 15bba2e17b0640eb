import { ErrorAlert } from '../../components/FormParts';
import { useCallback, useEffect, useState } from 'react';
import type { PayoutMethod, SettlementDetail } from '../../../shared/contract/ledger';
import { formatRupiah, parseRupiah } from '../../../shared/money';
import { localParts, localToInstant, toLocalDate } from '../../../shared/domain/time';
import { call, newRequestId } from '../../api';
import { useI18n, useT } from '../../i18n';
import { PayoutSlip, type SlipLayout } from '../../print/PayoutSlip';
import { periodText } from '../../print/PayoutSlipPeriod';
import { StatusBadge, errorText, useApproval, useDates } from './common';
import { Itemisation } from './Itemisation';
import { WhatsAppButton } from './WhatsAppButton';
import { DateTimeInput } from '../../components/DateInput';
import { ActionsHeader } from '../../components/ActionsHeader';

const METHODS: PayoutMethod[] = ['cash_safe', 'cash_drawer', 'transfer', 'ewallet'];

/** `YYYY-MM-DDTHH:MM` in the store's zone, for a datetime-local field. */
function localInputValue(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${toLocalDate(instant, tz)}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** One settlement: itemisation, payouts, the payout form and the slip. */
export function DetailScreen({ id }: { id: number }) {
  const t = useT();
  const { lang } = useI18n();
  const dates = useDates();
  const [payoutId, setPayoutId] = useState<string | undefined>(undefined);
  const [d, setD] = useState<SettlementDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [layout, setLayout] = useState<SlipLayout | null>(null);
  const load = useCallback(async () => {
    try {
      const detail = await call('settlements.get', { id, ...(payoutId ? { payoutId } : {}) });
      setD(detail);
      setLayout((l) => l ?? detail.store.slipLayout);
    } catch (err) {
      setError(errorText(err));
    }
  }, [id, payoutId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error && !d) return <p role="alert" className="error">{error}</p>;
  if (!d || !layout) return <p className="loading">{t('settle.loading')}</p>;
  const tz = d.store.timeZone;
  return (
    <section aria-labelledby="settle-detail-h" className="settle-detail">
      <p className="no-print">
        <a href="#/settle/list">{t('settle.back')}</a>
      </p>
      <h2 id="settle-detail-h">{t('settle.detail.title', { number: d.number, name: d.producer.name })}</h2>
      <div className="panel row settle-summary no-print">
        <span>
          {t('settle.period')}:{' '}
          {periodText(d.periodStart, d.periodEndInstant, tz, lang)}
        </span>
        <span>
          {t('settle.dueDate')}: {dates.date(d.dueDate)}
        </span>
        {d.carriedIn < 0 && (
          <span data-testid="settle-carried-in">
            {t('settle.carriedIn')}: {formatRupiah(d.carriedIn)}
          </span>
        )}
        <span>
          {t('settle.total')}: <strong data-testid="settle-total">{formatRupiah(d.totalDue)}</strong>
        </span>
        {d.carriedForward < 0 && (
          <span data-testid="settle-carried-forward" className="badge warn">
            {t('settle.carriedForward')}: {formatRupiah(d.carriedForward)}
          </span>
        )}
        <span>
          {t('settle.paid')}: <strong>{formatRupiah(d.paid)}</strong>
        </span>
        <span>
          {t('settle.remaining')}: <strong data-testid="settle-remaining">{formatRupiah(d.remaining)}</strong>
        </span>
        <StatusBadge s={d} />
      </div>
      <div className="settle-columns no-print">
        <div>
          <div className="panel">
            <Itemisation items={d.items} lang={lang} />
          </div>
          {d.remaining > 0 ? (
            <PayoutForm d={d} onPaid={(pid) => (pid === payoutId ? void load() : setPayoutId(pid))} />
          ) : (
            <p className="notice" role="status">
              {t('settle.payout.fullyPaid')}
            </p>
          )}
          <div className="panel">
            <h3>{t('settle.payouts')}</h3>
            {d.payouts.length === 0 ? (
              <p className="muted">{t('settle.payouts.none')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>{t('settle.payout.paidAt')}</th>
                    <th className="num">{t('settle.payout.amount')}</th>
                    <th>{t('settle.payout.method')}</th>
                    <th>{t('settle.payout.receiver')}</th>
                    <ActionsHeader />
                  </tr>
                </thead>
                <tbody>
                  {d.payouts.map((p) => (
                    <tr key={p.id} aria-current={p.id === payoutId ? 'true' : undefined}>
                      <td>{dates.dateTime(p.paidAt, tz)}</td>
                      <td className="num">{formatRupiah(p.amount)}</td>
                      <td>
                        {t(`settle.payout.method.${p.method}`)}
                        {p.reference && <span className="muted"> · {p.reference}</span>}
                      </td>
                      <td>{p.receiverName}</td>
                      <td>
                        <button type="button" onClick={() => setPayoutId(p.id)} disabled={p.id === payoutId}>
                          {t('settle.payouts.slipFor')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      </div>
      <div className="row no-print" style={{ margin: '0.5rem 0' }}>
        <label>
          {t('settle.slip.layout')}
          <select value={layout} onChange={(e) => setLayout(e.target.value as SlipLayout)}>
            <option value="A5">A5</option>
            <option value="A4">A4</option>
            <option value="80mm">80 mm</option>
          </select>
        </label>
      </div>
      <PayoutSlip d={d} layout={layout} actions={<WhatsAppButton settlementId={d.id} payoutId={payoutId} />} />
    </section>
  );
}

function PayoutForm({ d, onPaid }: { d: SettlementDetail; onPaid(payoutId: string): void }) {
  const t = useT();
  const tz = d.store.timeZone;
  const [amount, setAmount] = useState(String(d.remaining));
  const [method, setMethod] = useState<PayoutMethod>(d.producerDetail.payoutMethod === 'transfer' ? 'transfer' : d.producerDetail.payoutMethod === 'ewallet' ? 'ewallet' : 'cash_safe');
  const [reference, setReference] = useState('');
  const [paidAt, setPaidAt] = useState(() => localInputValue(new Date(), tz));
  const [paidAtTouched, setPaidAtTouched] = useState(false);
  const [receiver, setReceiver] = useState(d.producerDetail.name);
  const [requestId, setRequestId] = useState(newRequestId);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { ask, dialog } = useApproval();
  useEffect(() => setAmount(String(d.remaining)), [d.remaining]);
  const typed = parseRupiah(amount);
  const tooMuch = typed !== null && typed > d.remaining;

  const submit = () => {
    setError(null);
    setDone(null);
    const value = parseRupiah(amount);
    if (value === null || value <= 0) return setError(t('settle.payout.badAmount'));
    // More than is owed is refused here, next to the amount, before any PIN is asked.
    if (value > d.remaining) return;
    let paidAtIso: string | undefined;
    if (paidAtTouched && paidAt) {
      const [date, time] = paidAt.split('T');
      const [h, m] = (time ?? '00:00').split(':').map(Number);
      paidAtIso = localToInstant(date!, tz, h, m);
    }
    ask(async (approval) => {
      const p = await call('payouts.create', {
        id: requestId,
        settlementId: d.id,
        producerId: d.producer.id,
        amount: value,
        method,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(paidAtIso ? { paidAt: paidAtIso } : {}),
        receiverName: receiver,
        approval,
      });
      setRequestId(newRequestId());
      setReference('');
      setPaidAtTouched(false);
      setDone(t('settle.payout.done', { amount: formatRupiah(p.amount), remaining: formatRupiah(d.remaining - p.amount) }));
      onPaid(p.id);
    });
  };
  return (
    <>
    <form
      className="panel stack"
      aria-labelledby="settle-payout-h"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id="settle-payout-h">{t('settle.payout.title')}</h3>
      <div className="row">
        <label>
          {t('settle.payout.amount')}
          <input inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={tooMuch} aria-describedby={tooMuch ? 'payout-too-much' : undefined} />
          {tooMuch && (
            <span id="payout-too-much" className="error" role="alert">
              {t('settle.payout.tooMuch', { remaining: formatRupiah(d.remaining) })}
            </span>
          )}
        </label>
        <label>
          {t('settle.payout.method')}
          <select value={method} onChange={(e) => setMethod(e.target.value as PayoutMethod)}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`settle.payout.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settle.payout.reference')}
          <input value={reference} onChange={(e) => setReference(e.target.value)} />
        </label>
      </div>
      <div className="row">
        <label>
          {t('settle.payout.paidAt')}
          <DateTimeInput
            value={paidAt}
            onChange={(v) => {
              setPaidAt(v);
              setPaidAtTouched(true);
            }}
          />
        </label>
        <label>
          {t('settle.payout.receiver')}
          <input value={receiver} onChange={(e) => setReceiver(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          {t('settle.payout.submit')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {done && <p role="status" className="notice">{done}</p>}
    </form>
    {dialog}
    </>
  );
}
