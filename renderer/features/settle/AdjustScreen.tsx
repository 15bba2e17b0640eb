import { ErrorAlert } from '../../components/FormParts';
import { useState } from 'react';
import { formatRupiah } from '../../../shared/money';
import { call } from '../../api';
import { useT } from '../../i18n';
import { useApproval, useProducers } from './common';
import { ProducerSelect } from '../../components/ProducerSelect';

/** A deduction or an adjustment, with a reason and a manager's PIN. */
export function AdjustScreen() {
  const t = useT();
  const { producers, reload } = useProducers();
  const [producerId, setProducerId] = useState<number | ''>('');
  const [kind, setKind] = useState<'deduction' | 'adjustment'>('deduction');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { ask, dialog } = useApproval();
  const pid = producerId || producers[0]?.id;
  const current = producers.find((p) => p.id === pid);

  const submit = () => {
    setError(null);
    setDone(null);
    const text = amount.trim().replace(/^rp\.?\s*/i, '');
    const negative = text.startsWith('-');
    const digits = text.replace(/^[-+]/, '').replace(/[.,\s]/g, '');
    const value = /^\d+$/.test(digits) ? Number(digits) * (negative ? -1 : 1) : NaN;
    if (!Number.isSafeInteger(value) || value === 0 || (kind === 'deduction' && value < 0) || !pid) return setError(t('settle.payout.badAmount'));
    ask(async (approval) => {
      const r =
        kind === 'deduction'
          ? await call('ledger.deduct', { producerId: pid, amount: value, reason, approval })
          : await call('ledger.adjust', { producerId: pid, amount: value, reason, approval });
      setDone(
        t('settle.adjust.done', {
          kind: t(`settle.kind.${kind}`),
          amount: formatRupiah(r.entry.amount),
          name: current?.name ?? '',
          unsettled: formatRupiah(r.unsettled),
        }),
      );
      setAmount('');
      setReason('');
      reload();
    });
  };
  return (
    <section aria-labelledby="settle-adjust-h">
      <h2 id="settle-adjust-h">{t('settle.tab.adjust')}</h2>
      <form
        className="panel stack"
        style={{ maxWidth: '40rem' }}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ProducerSelect
          label={t('settle.producer')}
          producers={producers}
          value={pid ?? null}
          onChange={(id) => {
            if (id !== null) setProducerId(id);
          }}
        />
        {current && (
          <p className="muted">
            {t('settle.unsettled')}: {formatRupiah(current.unsettled)} · {t('settle.balance')}: {formatRupiah(current.balance)}
          </p>
        )}
        <fieldset className="row">
          <legend>{t('settle.adjust.kind')}</legend>
          <label className="settle-radio">
            <input type="radio" name="kind" checked={kind === 'deduction'} onChange={() => setKind('deduction')} /> {t('settle.adjust.deduction')}
          </label>
          <label className="settle-radio">
            <input type="radio" name="kind" checked={kind === 'adjustment'} onChange={() => setKind('adjustment')} /> {t('settle.adjust.adjustment')}
          </label>
        </fieldset>
        <label>
          {t('settle.amount')}
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="numeric" aria-describedby="settle-amount-help" />
        </label>
        {kind === 'adjustment' && (
          <span id="settle-amount-help" className="muted">
            {t('settle.adjust.amountHelp')}
          </span>
        )}
        <label>
          {t('settle.reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
        </label>
        <div>
          <button type="submit" className="primary">
            {t('settle.adjust.submit')}
          </button>
        </div>
        <ErrorAlert error={error} />
        {done && <p role="status" className="notice">{done}</p>}
      </form>
      {dialog}
    </section>
  );
}
