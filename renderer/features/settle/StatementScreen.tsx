import { ErrorAlert } from '../../components/FormParts';
import { useEffect, useState } from 'react';
import type { FindCodeResult, Statement } from '../../../shared/contract/ledger';
import { formatRupiah } from '../../../shared/money';
import { addDays, toLocalDate } from '../../../shared/domain/time';
import { call } from '../../api';
import { useT } from '../../i18n';
import { downloadText, errorText, useDates, useProducers, useTimeZone } from './common';
import { ProducerSelect } from '../../components/ProducerSelect';
import { StatementPrint } from '../../print/Statement';
import { useI18n } from '../../i18n';
import { JobProgressBar } from '../../components/JobProgressBar';
import { DateInput } from '../../components/DateInput';

/** A producer's ledger: running balance, date filter, CSV export, and the old-slip code check. */
export function StatementScreen() {
  const t = useT();
  const dates = useDates();
  const tz = useTimeZone();
  const { producers } = useProducers();
  const [producerId, setProducerId] = useState<number | ''>('');
  const today = toLocalDate(new Date(), tz);
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const [st, setSt] = useState<Statement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<FindCodeResult | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [storeName, setStoreName] = useState('');
  const { lang } = useI18n();
  useEffect(() => {
    call('settings.get', {})
      .then((s) => setStoreName(s.storeName))
      .catch(() => undefined);
  }, []);
  const range = () => ({ ...(from ? { from } : {}), ...(to ? { to } : {}) });

  const show = async () => {
    if (!producerId) return;
    setError(null);
    try {
      setSt(await call('ledger.statement', { producerId, ...range() }));
      setCurrent((await call('ledger.chainCode', { producerId })).code);
    } catch (err) {
      setError(errorText(err));
    }
  };
  useEffect(() => {
    if (!producerId && producers[0]) setProducerId(producers[0].id);
  }, [producers, producerId]);
  useEffect(() => {
    void show();
    setFound(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [producerId]);
  const exportCsv = async () => {
    if (!producerId) return;
    try {
      const f = await call('ledger.statementCsv', { producerId, ...range() });
      downloadText(f.fileName, f.csv);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const check = async () => {
    if (!producerId) return;
    try {
      setFound(await call('ledger.findCode', { producerId, code: code.trim() }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const balance = producers.find((p) => p.id === producerId);
  return (
    <section aria-labelledby="settle-statement-h">
      <h2 id="settle-statement-h">{t('settle.tab.statement')}</h2>
      <form
        className="row panel"
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <ProducerSelect
          label={t('settle.statement.pick')}
          producers={producers}
          value={producerId === '' ? null : producerId}
          onChange={(id) => setProducerId(id ?? '')}
        />
        <label>
          {t('settle.statement.from')}
          <DateInput value={from} onChange={setFrom} />
        </label>
        <label>
          {t('settle.statement.to')}
          <DateInput value={to} onChange={setTo} />
        </label>
        <button type="submit" className="primary">
          {t('settle.statement.show')}
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          {t('common.exportCsv')}
        </button>
        <button type="button" aria-pressed={printing} onClick={() => setPrinting((p) => !p)} disabled={!st}>
          {t('common.print')}…
        </button>
      </form>
      <JobProgressBar methods={['ledger.statementCsv']} />
      {printing && st && <StatementPrint st={st} storeName={storeName} timeZone={tz} lang={lang} chainCode={current} />}
      {balance && (
        <p className="row">
          <span>
            {t('settle.balance')}: <strong>{formatRupiah(balance.balance)}</strong>
          </span>
          <span>
            {t('settle.unsettled')}: {formatRupiah(balance.unsettled)}
          </span>
          <span>
            {t('settle.owedOn')}: {formatRupiah(balance.owedOnSettlements)}
          </span>
          {current && <span>{t('settle.code.current', { code: current })}</span>}
        </p>
      )}
      <ErrorAlert error={error} />
      {st && (
        <table aria-label={t('settle.tab.statement')}>
          <thead>
            <tr>
              <th>{t('settle.statement.date')}</th>
              <th>{t('settle.statement.kind')}</th>
              <th>{t('settle.statement.description')}</th>
              <th className="num">{t('settle.amount')}</th>
              <th className="num">{t('settle.statement.balance')}</th>
              <th>{t('settle.statement.settlement')}</th>
              <th>{t('settle.statement.code')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td colSpan={4}>{t('settle.statement.opening')}</td>
              <td className="num">{formatRupiah(st.openingBalance)}</td>
              <td colSpan={2} />
            </tr>
            {st.lines.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {t('settle.statement.empty')}
                </td>
              </tr>
            )}
            {st.lines.map((l) => (
              <tr key={l.id}>
                <td>{dates.dateTime(l.occurredAt, tz)}</td>
                <td>{t(`settle.kind.${l.kind}`)}</td>
                <td>
                  {[l.productName, l.quantity ? `× ${l.quantity}` : '', l.reason].filter(Boolean).join(' ')}
                </td>
                <td className="num">{formatRupiah(l.amount)}</td>
                <td className="num">{formatRupiah(l.balance)}</td>
                <td>{l.settlementNumber ?? ''}</td>
                <td>
                  <code>{l.code}</code>
                </td>
              </tr>
            ))}
            <tr>
              <th colSpan={4}>{t('settle.statement.closing')}</th>
              <th className="num">{formatRupiah(st.closingBalance)}</th>
              <td colSpan={2} />
            </tr>
          </tbody>
        </table>
      )}
      <form
        className="panel row"
        style={{ marginTop: '1rem' }}
        aria-labelledby="settle-code-h"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <h3 id="settle-code-h" style={{ width: '100%' }}>
          {t('settle.code.title')}
        </h3>
        <label>
          {t('settle.code.input')}
          <input value={code} onChange={(e) => setCode(e.target.value)} maxLength={64} />
        </label>
        <button type="submit">{t('settle.code.check')}</button>
        {found && (
          <p role="status" className={found.found && found.chainOk ? 'notice' : 'error'}>
            {found.found
              ? t('settle.code.found', {
                  seq: found.entry.seq,
                  date: dates.dateTime(found.entry.occurredAt, tz),
                  after: found.entriesAfter,
                  chain: t(found.chainOk ? 'settle.code.chainOk' : 'settle.code.chainBroken'),
                })
              : t('settle.code.notFound', { chain: t(found.chainOk ? 'settle.code.chainOk' : 'settle.code.chainBroken') })}
          </p>
        )}
      </form>
    </section>
  );
}
