import { useT } from '../../i18n';

/** The reports screen. */
export default function ReportsScreen() {
  const t = useT();
  return <p role="status">{t('common.notBuilt')}</p>;
}
