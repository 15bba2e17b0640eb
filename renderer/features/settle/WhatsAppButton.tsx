import { useState } from 'react';
import { call } from '../../api';
import { useT } from '../../i18n';
import { errorText } from './common';

/** Copies the settlement's WhatsApp text; shows it in a field to copy by hand when the clipboard refuses. */
export function WhatsAppButton({ settlementId, payoutId }: { settlementId: number; payoutId?: string }) {
  const t = useT();
  const [state, setState] = useState<{ kind: 'copied' } | { kind: 'fallback'; text: string } | { kind: 'error'; message: string } | null>(null);
  const copy = async () => {
    setState(null);
    let text: string;
    try {
      text = (await call('settlements.whatsappText', { id: settlementId, ...(payoutId ? { payoutId } : {}) })).text;
    } catch (err) {
      return setState({ kind: 'error', message: errorText(err) });
    }
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'fallback', text });
    }
  };
  return (
    <span className="settle-wa">
      <button type="button" onClick={() => void copy()}>
        {t('settle.whatsapp.copy')}
      </button>
      {state?.kind === 'copied' && (
        <span role="status" className="notice">
          ✓ {t('settle.whatsapp.copied')}
        </span>
      )}
      {state?.kind === 'error' && (
        <span role="alert" className="error">
          {state.message}
        </span>
      )}
      {state?.kind === 'fallback' && (
        <label className="settle-wa-fallback">
          {t('settle.whatsapp.fallback')}
          <textarea readOnly rows={10} cols={48} value={state.text} aria-label={t('settle.whatsapp.text')} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </span>
  );
}
