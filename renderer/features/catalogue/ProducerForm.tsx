import { useState } from 'react';
import type { PayoutMethod, Producer } from '../../../shared/contract/catalogue';
import { call } from '../../api';
import { useT } from '../../i18n';
import { FormActions, PanelForm, useSaving } from '../../components/FormParts';

const EMPTY = { name: '', shortName: '', phone: '', address: '', payoutMethod: 'cash' as PayoutMethod, payoutProvider: '', payoutAccount: '', payoutAccountName: '', notes: '' };

/** Create or edit a producer, with their payout preference. */
export function ProducerForm({ producer, onSaved, onCancel }: { producer: Producer | null; onSaved(p: Producer): void; onCancel(): void }) {
  const t = useT();
  const [form, setForm] = useState(producer ? { ...EMPTY, ...pick(producer) } : EMPTY);
  const { error, busy, run } = useSaving();
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const save = async () => {
    await run(async () => {
      const body = { ...form };
      const saved = producer ? await call('producers.update', { id: producer.id, ...body }) : await call('producers.create', body);
      onSaved(saved);
    });
  };

  const title = producer ? t('catalogue.producer.editTitle') : t('catalogue.producer.newTitle');
  return (
    <PanelForm title={title} onSubmit={() => void save()}>
      <div className="row">
        <label className="grow">
          {t('catalogue.producer.name')}
          <input value={form.name} onChange={set('name')} aria-label={t('catalogue.producer.name')} maxLength={120} autoFocus />
        </label>
        <label>
          {t('catalogue.producer.shortName')}
          <input value={form.shortName} onChange={set('shortName')} aria-label={t('catalogue.producer.shortName')} maxLength={24} />
        </label>
      </div>
      <div className="row">
        <label>
          {t('catalogue.producer.phone')}
          <input value={form.phone} onChange={set('phone')} aria-label={t('catalogue.producer.phone')} inputMode="tel" maxLength={40} />
        </label>
        <label className="grow">
          {t('catalogue.producer.address')}
          <input value={form.address} onChange={set('address')} aria-label={t('catalogue.producer.address')} maxLength={200} />
        </label>
      </div>
      <fieldset className="stack">
        <legend>{t('catalogue.producer.payout')}</legend>
        <div className="row" role="radiogroup" aria-label={t('catalogue.producer.payout')}>
          {(['cash', 'transfer', 'ewallet'] as const).map((m) => (
            <label key={m} className="inline">
              <input type="radio" name="payoutMethod" checked={form.payoutMethod === m} onChange={() => setForm((f) => ({ ...f, payoutMethod: m }))} />
              {t(`catalogue.payout.${m}`)}
            </label>
          ))}
        </div>
        {form.payoutMethod !== 'cash' && (
          <div className="row">
            <label>
              {form.payoutMethod === 'transfer' ? t('catalogue.producer.bank') : t('catalogue.producer.wallet')}
              <input
                value={form.payoutProvider}
                onChange={set('payoutProvider')}
                aria-label={form.payoutMethod === 'transfer' ? t('catalogue.producer.bank') : t('catalogue.producer.wallet')}
                list={form.payoutMethod === 'transfer' ? 'bank-names' : 'wallet-names'}
              />
            </label>
            <label>
              {form.payoutMethod === 'transfer' ? t('catalogue.producer.account') : t('catalogue.producer.walletNumber')}
              <input
                value={form.payoutAccount}
                onChange={set('payoutAccount')}
                aria-label={form.payoutMethod === 'transfer' ? t('catalogue.producer.account') : t('catalogue.producer.walletNumber')}
              />
            </label>
            <label className="grow">
              {t('catalogue.producer.accountName')}
              <input value={form.payoutAccountName} onChange={set('payoutAccountName')} aria-label={t('catalogue.producer.accountName')} />
            </label>
            <datalist id="bank-names">
              {['BRI', 'BNI', 'Mandiri', 'BCA', 'BSI', 'BPD Jateng'].map((b) => (
                <option key={b} value={b} />
              ))}
            </datalist>
            <datalist id="wallet-names">
              {['DANA', 'GoPay', 'OVO', 'ShopeePay', 'LinkAja'].map((b) => (
                <option key={b} value={b} />
              ))}
            </datalist>
          </div>
        )}
      </fieldset>
      <label>
        {t('catalogue.producer.notes')}
        <textarea value={form.notes} onChange={set('notes')} aria-label={t('catalogue.producer.notes')} rows={2} maxLength={500} />
      </label>
      <FormActions error={error} submitLabel={t('common.save')} submitDisabled={busy} onCancel={onCancel} />
    </PanelForm>
  );
}

function pick(p: Producer) {
  return {
    name: p.name,
    shortName: p.shortName,
    phone: p.phone,
    address: p.address,
    payoutMethod: p.payoutMethod,
    payoutProvider: p.payoutProvider,
    payoutAccount: p.payoutAccount,
    payoutAccountName: p.payoutAccountName,
    notes: p.notes,
  };
}
