import { useT } from '../../i18n';

/** The stock screen. */
export default function StockScreen() {
  const t = useT();
  return <p role="status">{t('common.notBuilt')}</p>;
}
