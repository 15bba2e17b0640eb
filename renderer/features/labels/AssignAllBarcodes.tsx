import { useState } from 'react';
import { call } from '../../api';
import { useT } from '../../i18n';
import { errorText } from '../../components/FormParts';

/** "Give every product without a barcode one": store EAN-13 numbers in one go, then say how many. */
export function AssignAllBarcodes({ onAssigned }: { onAssigned(): void }) {
  const t = useT();
  const [message, setMessage] = useState<{ kind: 'notice' | 'error'; text: string } | null>(null);
  const run = async () => {
    try {
      const { assigned } = await call('products.assignBarcodes', {});
      setMessage({ kind: 'notice', text: assigned.length ? t('labels.assignedAll', { n: assigned.length }) : t('labels.assignedNone') });
      onAssigned();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()}>
        {t('labels.assignAll')}
      </button>
      {message && (
        <span className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
    </>
  );
}
