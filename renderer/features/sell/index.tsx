import { useT } from '../../i18n';

/** The sell screen. */
export default function SellScreen() {
  const t = useT();
  return <p role="status">{t('common.notBuilt')}</p>;
}
