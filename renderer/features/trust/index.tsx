import { useT } from '../../i18n';

/** The trust screen. */
export default function TrustScreen() {
  const t = useT();
  return <p role="status">{t('common.notBuilt')}</p>;
}
