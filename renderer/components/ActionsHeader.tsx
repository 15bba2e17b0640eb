import { useT } from '../i18n';

/** The header of a table's button column: named for screen readers, empty on screen (no empty table header). */
export function ActionsHeader() {
  const t = useT();
  return (
    <th scope="col">
      <span className="sr-only">{t('a11y.actions')}</span>
    </th>
  );
}
