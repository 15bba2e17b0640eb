import { useT } from '../../i18n';

/** The staff screen. */
export default function StaffScreen() {
  const t = useT();
  return <p role="status">{t('common.notBuilt')}</p>;
}
