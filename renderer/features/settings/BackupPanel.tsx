import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, RestoreResult } from '../../../shared/contract/system';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { JobProgressBar } from '../../components/JobProgressBar';
import { ManagerPinDialog, type ManagerApproval } from '../staff/ManagerPinDialog';
import { BackupBudget } from './BackupBudget';

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The list of backups with a restore button per row, a restore-from-path
 * field, and (when the store is open) on-demand backup to a typed folder.
 * `refused`: the store failed its checks, so restore needs no manager PIN
 * (no staff can be read) and backing up is not offered.
 */
export function BackupPanel({ refused, onRestored, timeZone }: { refused: boolean; onRestored(result: RestoreResult): void; timeZone?: string }) {
  const { t, lang } = useI18n();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [folder, setFolder] = useState('');
  const [otherFile, setOtherFile] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'notice' | 'error'; text: string } | null>(null);
  const [asking, setAsking] = useState<string | null>(null);

  const load = useCallback(() => {
    call('backup.list', {}).then(setBackups, (err: Error) => setMessage({ kind: 'error', text: err.message }));
  }, []);
  useEffect(load, [load]);

  const when = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));

  const backUp = async () => {
    setBusy(true);
    setMessage({ kind: 'notice', text: t('system.backup.working') });
    try {
      const info = await call('backup.create', folder.trim() ? { folder: folder.trim() } : {});
      setMessage({ kind: 'notice', text: t('system.backup.done', { file: info.file }) });
      load();
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (file: string, approval?: ManagerApproval) => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call('backup.restore', approval ? { file, approval } : { file });
      setMessage({ kind: 'notice', text: t('system.backup.restored', { file: result.replacedFile ?? '—' }) });
      onRestored(result);
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const ask = (file: string) => {
    const name = file.split(/[\\/]/).pop() ?? file;
    if (!window.confirm(t('system.backup.confirm', { name }))) return;
    if (refused) void restore(file);
    else setAsking(file);
  };

  return (
    <section className="panel stack" aria-labelledby="backup-title">
      <h2 id="backup-title">{refused ? t('system.refused.backups') : t('system.backup.title')}</h2>
      {!refused && <p className="muted">{t('system.backup.intro')}</p>}
      {!refused && <BackupBudget refreshKey={backups} />}
      {!refused && (
        <div className="row">
          <label className="grow">
            {t('system.backup.folder')}
            <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/media/usb" aria-describedby="backup-folder-hint" />
            <small id="backup-folder-hint" className="muted">{t('system.backup.folderHint')}</small>
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => void backUp()}>
            {folder.trim() ? t('system.backup.toFolder') : t('system.backup.now')}
          </button>
        </div>
      )}
      <JobProgressBar methods={refused ? ['backup.restore'] : ['backup.create', 'backup.automatic', 'backup.restore']} />
      {message && (
        <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {backups && backups.length === 0 && <p className="muted">{refused ? t('system.refused.noBackups') : t('common.none')}</p>}
      {backups && backups.length > 0 && (
        <table className="backup-table">
          <caption className="sr-only">{t('system.backup.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('system.backup.when')}</th>
              <th scope="col">{t('system.backup.kind')}</th>
              <th scope="col" className="num">{t('system.backup.size')}</th>
              <th scope="col"><span className="sr-only">{t('system.backup.restore')}</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.file}>
                <td title={b.file}>{when(b.takenAt)}</td>
                <td>{t(`system.backup.kind.${b.kind}`)}</td>
                <td className="num">{formatSize(b.sizeBytes)}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => ask(b.file)} aria-label={t('system.backup.restoreNamed', { name: when(b.takenAt) })}>
                    {t('system.backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <label className="grow">
          {t('system.backup.restoreFile')}
          <input value={otherFile} onChange={(e) => setOtherFile(e.target.value)} placeholder="/media/usb/ukm-mart-….sqlite" />
        </label>
        <button type="button" disabled={busy || !otherFile.trim()} onClick={() => ask(otherFile.trim())}>
          {t('system.backup.restoreFromFile')}
        </button>
      </div>
      {refused && <p className="muted">{t('system.refused.restoreHint')}</p>}
      {asking && (
        <ManagerPinDialog
          title={t('system.backup.approvalTitle')}
          onCancel={() => setAsking(null)}
          onResolve={(approval) => {
            const file = asking;
            setAsking(null);
            void restore(file, approval);
          }}
        />
      )}
    </section>
  );
}
