import { useT } from '../../i18n';

/** The intake screen. */
export default function IntakeScreen() {
  const t = useT();
  return <p role="status">{t('common.notBuilt')}</p>;
}
