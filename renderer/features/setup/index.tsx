import type { StoreStatus } from '../../../shared/contract/system';
import { useT } from '../../i18n';

/** First run (demo or empty store) and the refusal screen when the database failed its checks. */
export function SetupScreen(_props: { status: StoreStatus; onDone(): void }) {
  const t = useT();
  return <p role="status">{t('common.notBuilt')}</p>;
}

export function RefusedScreen({ status }: { status: StoreStatus }) {
  return (
    <main className="refused" role="alert">
      <h1>UKM Mart</h1>
      <p>{status.reason}</p>
    </main>
  );
}
