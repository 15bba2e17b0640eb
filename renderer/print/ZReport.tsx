import type { ReactNode } from 'react';
import type { ShiftReport } from '../../shared/contract/till';
import { formatLocalDateTime } from '../../shared/domain/time';
import { formatRupiah } from '../../shared/money';
import { useI18n } from '../i18n';
import { PrintFrame } from './PrintFrame';
import { SignatureLines } from './SignatureLines';
import { methodKey } from './Receipt';
import './receipt.css';

function Row({ label, value, strong }: { label: string; value: ReactNode; strong?: boolean }) {
  return (
    <div className={`kv${strong ? ' total' : ''}`}>
      <span>{label}</span>
      <span>{value}</span>
    </div>
  );
}

/** X report (figures so far) or Z report (numbered, at close), on the receipt paper. */
export function ZReport({ report, paper, timeZone, storeName, actions, autoPrint }: { report: ShiftReport; paper: '58mm' | '80mm'; timeZone: string; storeName: string; actions?: ReactNode; autoPrint?: boolean }) {
  const { t, lang } = useI18n();
  const title = report.kind === 'Z' ? t('till.z.titleZ', { no: String(report.zNumber ?? '') }) : t('till.z.titleX');
  const when = (iso: string) => formatLocalDateTime(iso, timeZone, lang);
  return (
    <PrintFrame paper={paper} title={title} actions={actions} autoPrint={autoPrint}>
      <div className="receipt">
        <header className="center">
          <strong className="store-name">{storeName}</strong>
          <div className="report-kind">{title}</div>
        </header>
        <div className="rule" />
        <Row label={t('till.z.shift')} value={`#${report.shift.id}`} />
        <Row label={t('till.z.cashier')} value={report.shift.cashierName} />
        <Row label={t('till.z.opened')} value={when(report.shift.openedAt)} />
        {report.shift.closedAt && <Row label={t('till.z.closed')} value={when(report.shift.closedAt)} />}
        <Row label={t('till.z.printed')} value={when(report.printedAt)} />
        <div className="rule" />
        <Row label={t('till.z.salesCount')} value={report.salesCount} />
        <Row label={t('till.z.salesTotal')} value={formatRupiah(report.salesTotal)} strong />
        {report.byMethod.map((m) => (
          <Row key={m.method} label={`${t(methodKey(m.method))} (${m.count})`} value={formatRupiah(m.total)} />
        ))}
        <div className="rule" />
        <Row label={`${t('till.z.voids')} (${report.voids.count})`} value={formatRupiah(report.voids.total)} />
        <Row label={`${t('till.z.refunds')} (${report.refunds.count})`} value={formatRupiah(report.refunds.total)} />
        <Row label={t('till.z.cashRefunds')} value={formatRupiah(report.refunds.cashTotal)} />
        <Row label={`${t('till.z.payouts')} (${report.drawerPayouts.count})`} value={formatRupiah(report.drawerPayouts.total)} />
        <div className="rule" />
        <Row label={t('till.z.float')} value={formatRupiah(report.openingFloat)} />
        <Row label={t('till.z.expected')} value={formatRupiah(report.expectedCash)} strong />
        {report.countedCash !== null && <Row label={t('till.z.counted')} value={formatRupiah(report.countedCash)} />}
        {report.variance !== null && (
          <Row
            label={t('till.z.variance')}
            value={`${report.variance > 0 ? '+' : ''}${formatRupiah(report.variance)} ${report.variance === 0 ? '' : report.variance > 0 ? t('till.z.over') : t('till.z.short')}`}
            strong
          />
        )}
        {report.salesChainCode && <Row label={t('safety.z.chainCode')} value={<code>{report.salesChainCode}</code>} />}
        <div className="rule" />
        {report.kind === 'Z' && (
          <SignatureLines slots={[{ onLine: t('till.z.signCashier') }, { onLine: t('till.z.signManager') }]} />
        )}
      </div>
    </PrintFrame>
  );
}
