import { useT } from '../../i18n';

/** The till's keys, always on screen beside the total: a new cashier learns them by looking. */
export function TillKeys() {
  const t = useT();
  return (
    <dl className="shortcuts" aria-label={t('till.keys.title')}>
      <dt>Enter</dt>
      <dd>{t('till.keys.scan')}</dd>
      <dt>{t('till.keys.qtyExample')}</dt>
      <dd>{t('till.keys.qty')}</dd>
      <dt>F2</dt>
      <dd>{t('till.keys.search')}</dd>
      <dt>F9</dt>
      <dd>{t('till.keys.pay')}</dd>
      <dt>F6</dt>
      <dd>{t('till.keys.park')}</dd>
      <dt>F7</dt>
      <dd>{t('till.keys.parked')}</dd>
      <dt>F4</dt>
      <dd>{t('till.keys.sales')}</dd>
      <dt>Esc</dt>
      <dd>{t('till.keys.cancel')}</dd>
    </dl>
  );
}
