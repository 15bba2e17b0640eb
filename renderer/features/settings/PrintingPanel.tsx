import { useCallback, useEffect, useState } from 'react';
import type { PrinterChoice, StoreSettings } from '../../../shared/contract/system';
import { call } from '../../api';
import { useT } from '../../i18n';

type PrintFields = Pick<StoreSettings, 'printerName' | 'silentPrint' | 'pdfFolder'>;

/**
 * The printing part of the settings form. Desktop app: the printer, silent
 * printing and the PDF folder. Browser: a note that the browser's print
 * dialog is used (the page cannot choose a printer there).
 */
export function PrintingPanel({ shell, value, onChange }: { shell: 'electron' | 'browser' | null; value: PrintFields; onChange: (patch: Partial<PrintFields>) => void }) {
  const t = useT();
  const [printers, setPrinters] = useState<PrinterChoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const desktop = shell === 'electron';

  const load = useCallback(() => {
    setError(null);
    call('shell.printers', {}).then(setPrinters, (err: Error) => setError(err.message));
  }, []);
  useEffect(() => {
    if (desktop) load();
  }, [desktop, load]);

  return (
    <section className="panel stack" aria-labelledby="settings-printing">
      <h2 id="settings-printing">{t('system.settings.printing')}</h2>
      {shell === null ? null : !desktop ? (
        <p className="notice">{t('system.settings.browserPrinting')}</p>
      ) : (
        <>
          <div className="settings-grid">
            <label>
              {t('system.settings.printer')}
              <select value={value.printerName} onChange={(e) => onChange({ printerName: e.target.value })}>
                <option value="">{defaultLabel(t, printers)}</option>
                {(printers ?? []).map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.displayName}
                  </option>
                ))}
                {value.printerName && printers && !printers.some((p) => p.name === value.printerName) && (
                  <option value={value.printerName}>{t('system.settings.printerMissing', { name: value.printerName })}</option>
                )}
              </select>
            </label>
            <label>
              {t('system.settings.pdfFolder')}
              <input
                value={value.pdfFolder}
                onChange={(e) => onChange({ pdfFolder: e.target.value })}
                placeholder="/home/toko/Dokumen"
                aria-describedby="pdf-folder-hint"
              />
              <small id="pdf-folder-hint" className="muted">{t('system.settings.pdfFolderHint')}</small>
            </label>
          </div>
          <label className="check-row">
            <input type="checkbox" checked={value.silentPrint} onChange={(e) => onChange({ silentPrint: e.target.checked })} aria-describedby="silent-print-hint" />
            {t('system.settings.silentPrint')}
          </label>
          <small id="silent-print-hint" className="muted">{t('system.settings.silentPrintHint')}</small>
          <div className="row">
            <button type="button" onClick={load}>
              {t('system.settings.printersRefresh')}
            </button>
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function defaultLabel(t: ReturnType<typeof useT>, printers: PrinterChoice[] | null): string {
  const named = printers?.find((p) => p.isDefault);
  return named ? t('system.settings.printerDefaultNamed', { name: named.displayName }) : t('system.settings.printerDefault');
}
