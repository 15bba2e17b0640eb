import { useT } from '../../i18n';

/** The catalogue screen. */
export default function CatalogueScreen() {
  const t = useT();
  return <p role="status">{t('common.notBuilt')}</p>;
}
