import { useT } from '../../i18n';

/** The settings screen. */
export default function SettingsScreen() {
  const t = useT();
  return <p role="status">{t('common.notBuilt')}</p>;
}
