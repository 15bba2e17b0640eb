import type { ReactNode } from 'react';
import type { MethodInput } from '../../../shared/contract';
import { call } from '../../api';
import { downloadText } from '../../download';
import { useI18n } from '../../i18n';
import { PrintFrame } from '../../print/PrintFrame';

/** A trust paper (store report or producer statement) on A4, with a Back button beside Print. */
export function TrustPrintView({ title, onBack, children }: { title: string; onBack(): void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <PrintFrame
      paper="A4"
      title={title}
      actions={<button type="button" onClick={onBack}>{t('common.back')}</button>}
    >
      {children}
    </PrintFrame>
  );
}

/** Downloads the trust CSV (the store's, or one producer's); a failure goes to `onError`. */
export async function saveTrustCsv(input: MethodInput<'reports.trustCsv'>, onError: (message: string) => void): Promise<void> {
  try {
    const out = await call('reports.trustCsv', input);
    downloadText(out.filename, out.csv, { bom: true });
  } catch (e) {
    onError((e as Error).message);
  }
}
