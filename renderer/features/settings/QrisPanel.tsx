import { useEffect, useState } from 'react';
import { call } from '../../api';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../components/FormParts';
import { useManagerApproval } from '../staff/ManagerPinDialog';
import { errorText } from '../staff/Modal';

const MAX_BYTES = 1_000_000;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * The store's static QRIS image (SPEC §4), uploaded once and kept in the
 * database; the till shows it large when a customer pays by QRIS. It decides
 * where customers' money goes, so changing it needs a manager's PIN.
 */
export function QrisPanel() {
  const t = useT();
  const [current, setCurrent] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const approval = useManagerApproval();
  useEffect(() => {
    call('qris.get', {}).then((q) => setCurrent(q.dataUrl), (err: unknown) => setError(errorText(err)));
  }, []);

  const save = async (dataUrl: string | null) => {
    setError(null);
    setNotice(null);
    const ok = await approval.ask(t('till.qrisPanel.approval'));
    if (!ok) return;
    setBusy(true);
    try {
      const saved = await call('qris.set', { dataUrl, approval: ok });
      setCurrent(saved.dataUrl);
      setFile(null);
      setNotice(t(dataUrl ? 'till.qrisPanel.saved' : 'till.qrisPanel.removed'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel stack" aria-labelledby="settings-qris">
      <h2 id="settings-qris">{t('till.qrisPanel.title')}</h2>
      <p className="muted">{t('till.qrisPanel.explain')}</p>
      {current && <img className="qris-preview" src={current} alt={t('till.qrisPanel.current')} style={{ maxWidth: '12rem', imageRendering: 'pixelated' }} />}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          if (file.size > MAX_BYTES) return setError(t('till.qrisPanel.tooBig'));
          readAsDataUrl(file).then((url) => save(url), (err: unknown) => setError(errorText(err)));
        }}
      >
        <label>
          {t('till.qrisPanel.file')}
          <input type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" className="primary" disabled={!file || busy}>
          {t('till.qrisPanel.save')}
        </button>
        {current && (
          <button type="button" className="danger" disabled={busy} onClick={() => void save(null)}>
            {t('till.qrisPanel.remove')}
          </button>
        )}
      </form>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorAlert error={error} />
      {approval.dialog}
    </section>
  );
}
