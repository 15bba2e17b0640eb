import { useEffect, useState } from 'react';
import type { DocumentSummary, Intake } from '../../../shared/contract/stock';
import { formatLocalDateTime } from '../../../shared/domain/time';
import { call } from '../../api';
import { useTimeZone } from '../catalogue/useTimeZone';
import { useI18n } from '../../i18n';
import { IntakeReceipt } from '../../print/IntakeReceipt';
import { IntakeForm } from './IntakeForm';
import '../catalogue/catalogue.css';
import '../stock/stock.css';

/** Titipan masuk: receive a producer's consignment and hand them the intake receipt. */
export default function IntakeScreen() {
  const { t, lang } = useI18n();
  const zone = useTimeZone();
  const [done, setDone] = useState<Intake | null>(null);
  const [paper, setPaper] = useState<'58mm' | 'A5'>('58mm');
  const [recent, setRecent] = useState<DocumentSummary[]>([]);
  const [formKey, setFormKey] = useState(1);
  useEffect(() => {
    void call('intakes.list', { limit: 15 }).then(setRecent);
  }, [done]);

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
      <section className="panel" aria-label={t('stock.intake.recent')}>
        <h2>{t('stock.intake.recent')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('stock.doc.number')}</th>
              <th>{t('stock.print.date')}</th>
              <th>{t('stock.print.producer')}</th>
              <th className="num">{t('stock.print.totalUnits')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {recent.map((r) => (
              <tr key={r.id}>
                <td>{r.number}</td>
                <td>{formatLocalDateTime(r.at, zone, lang)}</td>
                <td>{r.producerName}</td>
                <td className="num">{r.totalUnits}</td>
                <td>
                  <button type="button" onClick={() => void call('intakes.get', { id: r.id }).then(setDone)} aria-label={t('stock.intake.reprint', { number: r.number })}>
                    {t('stock.intake.show')}
                  </button>
                </td>
              </tr>
            ))}
            {recent.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('common.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
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
