import { useEffect, useState } from 'react';
import type { StoreHealth } from '../../../shared/contract/system';
import { call } from '../../api';
import { formatBytes } from '../../components/formatBytes';
import { useI18n } from '../../i18n';

/** The backups' share of the disk against their budget (SPEC §9), under Pengaturan → Cadangan. */
export function BackupBudget({ refreshKey }: { refreshKey?: unknown }) {
  const { t, lang } = useI18n();
  const [backups, setBackups] = useState<StoreHealth['backups'] | null>(null);
  useEffect(() => {
    call('system.status', {}).then((s) => setBackups(s.health?.backups ?? null), () => undefined);
  }, [refreshKey]);
  if (!backups) return null;
  return (
    <p className="muted" data-testid="backup-budget">
      {t('safety.budget', { used: formatBytes(backups.usedBytes, lang), budget: formatBytes(backups.budgetBytes, lang), next: formatBytes(backups.nextBackupBytes, lang) })}
    </p>
  );
}
