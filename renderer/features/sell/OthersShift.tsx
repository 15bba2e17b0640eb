import type { Shift } from '../../../shared/contract/till';
import type { StoreSettings } from '../../../shared/contract/system';
import { formatLocalDateTime } from '../../../shared/domain/time';
import { useI18n } from '../../i18n';

/**
 * The open shift is someone else's (SPEC §5: a shift belongs to its cashier):
 * says whose it is and offers the two ways on — the owner comes back, or the
 * shift is closed with its count so this person can open their own.
 */
export function OthersShift({ shift, settings, onClose }: { shift: Shift; settings: StoreSettings; onClose(): void }) {
  const { t, lang } = useI18n();
  const name = shift.cashierName;
  return (
    <section className="panel stack others-shift" aria-labelledby="others-shift-title">
      <h1 id="others-shift-title">{t('access.shift.othersTitle', { id: shift.id, name })}</h1>
      <p>{t('access.shift.othersExplain', { name, at: formatLocalDateTime(shift.openedAt, settings.timeZone, lang) })}</p>
      <p className="muted">{t('access.shift.othersChoices', { name })}</p>
      <div className="row">
        <button type="button" onClick={onClose}>
          {t('access.shift.closeOthers', { name })}
        </button>
      </div>
    </section>
  );
}
