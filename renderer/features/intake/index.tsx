import { useState } from 'react';
import type { Intake } from '../../../shared/contract/stock';
import { Pager, usePagedList } from '../../components/Pager';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { IntakeReceipt } from '../../print/IntakeReceipt';
import { DocumentTable } from '../stock/DocumentTable';
import { IntakeForm } from './IntakeForm';
import '../catalogue/catalogue.css';
import '../stock/stock.css';

/** Titipan masuk: receive a producer's consignment and hand them the intake receipt. */
export default function IntakeScreen() {
  const { t } = useI18n();
  const [done, setDone] = useState<Intake | null>(null);
  const [paper, setPaper] = useState<'58mm' | 'A5'>('58mm');
  const [formKey, setFormKey] = useState(1);
  const recent = usePagedList('intakes.list', {}, { pageSize: 15, reloadKey: done });

  return (
    <div className="stack">
      <h1>{t('stock.intake.title')}</h1>
      {done ? (
        <section className="stack" aria-label={t('stock.intake.saved', { number: done.number })}>
          <p role="status" className="notice">
            {t('stock.intake.saved', { number: done.number })}
          </p>
          <IntakeReceipt
            intake={done}
            paper={paper}
            actions={
              <>
                <PaperSwitch paper={paper} onChange={setPaper} />
                <button
                  type="button"
                  onClick={() => {
                    setDone(null);
                    setFormKey((k) => k + 1);
                  }}
                >
                  {t('stock.intake.another')}
                </button>
              </>
            }
          />
        </section>
      ) : (
        <IntakeForm key={formKey} onSaved={setDone} />
      )}
      <DocumentTable
        title={t('stock.intake.recent')}
        docs={recent.rows ?? []}
        pager={<Pager page={recent.page} onOffset={recent.setOffset} list={t('stock.intake.recent')} />}
        showLabel={(number) => t('stock.intake.reprint', { number })}
        onShow={(id) => void call('intakes.get', { id }).then(setDone)}
      />
    </div>
  );
}

export function PaperSwitch({ paper, onChange }: { paper: '58mm' | 'A5'; onChange(p: '58mm' | 'A5'): void }) {
  const { t } = useI18n();
  return (
    <label className="inline">
      {t('stock.print.paper')}
      <select value={paper} onChange={(e) => onChange(e.target.value as '58mm' | 'A5')} aria-label={t('stock.print.paper')}>
        <option value="58mm">58 mm</option>
        <option value="A5">A5</option>
      </select>
    </label>
  );
}
