import { useT } from '../i18n';

/** The one row of an empty table ("Tidak ada data" unless `text` says otherwise); nothing when `show` is false. */
export function EmptyRow({ show, colSpan, text }: { show: boolean; colSpan: number; text?: string }) {
  const t = useT();
  if (!show) return null;
  return (
    <tr>
      <td colSpan={colSpan} className="muted">
        {text ?? t('common.none')}
      </td>
    </tr>
  );
}
