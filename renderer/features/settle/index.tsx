import { useT } from '../../i18n';

/** The settle screen. */
export default function SettleScreen() {
  const t = useT();
  return <p role="status">{t('common.notBuilt')}</p>;
}
