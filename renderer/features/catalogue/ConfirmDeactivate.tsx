import { useCallback, useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { ModalForm } from '../staff/Modal';
import { FormActions } from '../../components/FormParts';

/**
 * `const { ask, dialog } = useConfirmDeactivate()`: deactivating a product or a
 * producer takes it off the till at once, so it asks first (one click is too easy).
 */
export function useConfirmDeactivate(): { ask(kind: 'product' | 'producer', name: string): Promise<boolean>; dialog: ReactNode } {
  const t = useT();
  const [pending, setPending] = useState<{ kind: 'product' | 'producer'; name: string; resolve(ok: boolean): void } | null>(null);
  const ask = useCallback(
    (kind: 'product' | 'producer', name: string) => new Promise<boolean>((resolve) => setPending({ kind, name, resolve })),
    [],
  );
  const finish = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = pending ? (
    <ModalForm
      title={t(pending.kind === 'product' ? 'access.confirm.deactivateProduct' : 'access.confirm.deactivateProducer', { name: pending.name })}
      onClose={() => finish(false)}
      onSubmit={() => finish(true)}
    >
      <p>{t('access.confirm.deactivateExplain')}</p>
      <FormActions submitLabel={t('access.confirm.deactivate')} submitClassName="danger" onCancel={() => finish(false)} />
    </ModalForm>
  ) : null;
  return { ask, dialog };
}
