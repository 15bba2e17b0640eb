import { useEffect, useState } from 'react';
import type { Producer } from '../../../shared/contract/catalogue';
import type { ProducerReturn, StockCount } from '../../../shared/contract/stock';
import { allPages } from '../../allPages';
import { useT } from '../../i18n';
import { ReturnSlip } from '../../print/ReturnSlip';
import { StockCountReport } from '../../print/StockCountReport';
import { PaperSwitch } from '../intake';
import { StockTable } from './StockTable';
import { ExpiryLists, type ReturnDraftLine } from './ExpiryLists';
import { ReturnForm } from './ReturnForm';
import { CountForm } from './CountForm';
import { StockDocuments } from './StockDocuments';
import '../catalogue/catalogue.css';
import './stock.css';
import { useSession } from '../staff/session';

type Tab = 'onHand' | 'expiry' | 'return' | 'count' | 'documents';
const TABS: Tab[] = ['onHand', 'expiry', 'return', 'count', 'documents'];
/** A cashier looks stock up; returns and counts (and their papers) are a manager's (SPEC §5). */
const CASHIER_TABS: Tab[] = ['onHand', 'expiry'];

/** Stock: on hand, expiry lists, returns to producers, stock counts, and their papers. */
export default function StockScreen() {
  const t = useT();
  const { staff } = useSession();
  const tabs = staff.role === 'manager' ? TABS : CASHIER_TABS;
  const [tab, setTab] = useState<Tab>('onHand');
  const [producers, setProducers] = useState<Producer[]>([]);
  const [returnDraft, setReturnDraft] = useState<{ producerId: number; lines: ReturnDraftLine[] } | null>(null);
  const [formKey, setFormKey] = useState(1);
  const [ret, setRet] = useState<ProducerReturn | null>(null);
  const [count, setCount] = useState<StockCount | null>(null);
  const [paper, setPaper] = useState<'58mm' | 'A5'>('A5');
  useEffect(() => {
    void allPages('producers.list', { includeInactive: true }).then(setProducers);
  }, []);
  const go = (next: Tab) => {
    if (!tabs.includes(next)) return;
    setTab(next);
    setRet(null);
    setCount(null);
    setFormKey((k) => k + 1);
    if (next !== 'return') setReturnDraft(null);
  };

  return (
    <div className="stack">
      <h1>{t('stock.title')}</h1>
      <div className="stock-tabs" role="group" aria-label={t('stock.tabs')}>
        {tabs.map((x) => (
          <button key={x} type="button" aria-pressed={tab === x} onClick={() => go(x)}>
            {t(`stock.tab.${x}`)}
          </button>
        ))}
      </div>
      {tab === 'onHand' && <StockTable producers={producers} />}
      {tab === 'expiry' && (
        <ExpiryLists
          {...(tabs.includes('return')
            ? {
                onReturn: (producerId: number, lines: ReturnDraftLine[]) => {
                  go('return');
                  setReturnDraft({ producerId, lines });
                },
              }
            : {})}
        />
      )}
      {tab === 'return' &&
        (ret ? (
          <section className="stack">
            <p role="status" className="notice">
              {t('stock.return.saved', { number: ret.number })}
            </p>
            <ReturnSlip ret={ret} paper={paper} actions={<PaperSwitch paper={paper} onChange={setPaper} />} />
          </section>
        ) : (
          <ReturnForm key={`${formKey}-${returnDraft?.producerId ?? 0}`} producers={producers.filter((p) => p.active)} initial={returnDraft} onSaved={setRet} />
        ))}
      {tab === 'count' &&
        (count ? (
          <section className="stack">
            <p role="status" className="notice">
              {t('stock.count.saved', { number: count.number })}
            </p>
            <StockCountReport count={count} />
          </section>
        ) : (
          <CountForm key={formKey} producers={producers.filter((p) => p.active)} onSaved={setCount} />
        ))}
      {tab === 'documents' && (
        <StockDocuments
          onShowReturn={(r) => {
            setTab('return');
            setRet(r);
          }}
          onShowCount={(c) => {
            setTab('count');
            setCount(c);
          }}
        />
      )}
    </div>
  );
}
