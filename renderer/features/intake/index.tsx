import { useEffect, useRef, useState } from 'react';
import type { Intake } from '../../../shared/contract/stock';
import { Pager, usePagedList } from '../../components/Pager';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { IntakeReceipt } from '../../print/IntakeReceipt';
import { DocumentTable } from '../stock/DocumentTable';
import { IntakeForm } from './IntakeForm';
import { LabelsPanel } from '../labels/LabelsPanel';
import '../catalogue/catalogue.css';
import '../stock/stock.css';
import { takeIntakeDraft } from '../insight/intakeDraft';

/** Titipan masuk: receive a producer's consignment and hand them the intake receipt. */
export default function IntakeScreen() {
  const { t } = useI18n();
  const [done, setDone] = useState<Intake | null>(null);
  // "Simpan & cetak" prints what was just saved; a reprint from the list is only shown.
  const [justSaved, setJustSaved] = useState(false);
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) savedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [done]);
  const [paper, setPaper] = useState<'58mm' | 'A5'>('58mm');
  const [formKey, setFormKey] = useState(1);
  const [labels, setLabels] = useState(false);
  // Started from a reorder list ("Pesan ulang"): the form opens prefilled, and nothing is recorded until it is saved.
  const [draft] = useState(takeIntakeDraft);
  const recent = usePagedList('intakes.list', {}, { pageSize: 15, reloadKey: done });

  return (
    <div className="stack">
      <h1>{t('stock.intake.title')}</h1>
      {done ? (
        <section className="stack" aria-label={t('stock.intake.saved', { number: done.number })}>
          <p role="status" className="notice" ref={savedRef}>
            {t('stock.intake.saved', { number: done.number })}
          </p>
          {labels ? (
            <LabelsPanel key={done.id} source={{ source: 'intake', intakeId: done.id }} onClose={() => setLabels(false)} />
          ) : (
          <IntakeReceipt
            intake={done}
            paper={paper}
            autoPrint={justSaved}
            actions={
              <>
                <PaperSwitch paper={paper} onChange={setPaper} />
                <button type="button" onClick={() => setLabels(true)}>
                  {t('labels.open')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setLabels(false);
                    setDone(null);
                    setFormKey((k) => k + 1);
                  }}
                >
                  {t('stock.intake.another')}
                </button>
              </>
            }
          />
          )}
        </section>
      ) : (
        <>
        {draft && formKey === 1 && (
          <p role="status" className="notice">
            {t('insight.intakeDraft', { name: draft.producerName })}
          </p>
        )}
        <IntakeForm
          key={formKey}
          draft={formKey === 1 ? draft : null}
          onSaved={(intake) => {
            setJustSaved(true);
            setDone(intake);
          }}
        />
        </>
      )}
      <DocumentTable
        title={t('stock.intake.recent')}
        docs={recent.rows ?? []}
        pager={<Pager page={recent.page} onOffset={recent.setOffset} list={t('stock.intake.recent')} />}
        showLabel={(number) => t('stock.intake.reprint', { number })}
        onShow={(id) =>
          void call('intakes.get', { id }).then((intake) => {
            setJustSaved(false);
            setDone(intake);
          })
        }
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
