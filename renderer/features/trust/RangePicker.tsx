import { useEffect, useState } from 'react';
import { addDays } from '../../../shared/domain/time';
import { useT } from '../../i18n';
import { DateInput } from '../../components/DateInput';

const PRESETS = [
  { key: '12w', days: 84 },
  { key: '26w', days: 182 },
  { key: '52w', days: 364 },
] as const;

/** Date range picker: presets (last 12/26/52 weeks) or any from–to. */
export function RangePicker({ from, to, asOf, onChange }: { from: string; to: string; asOf: string; onChange(r: { from?: string; to?: string }): void }) {
  const t = useT();
  const [draftFrom, setDraftFrom] = useState(from);
  const [draftTo, setDraftTo] = useState(to);
  useEffect(() => { setDraftFrom(from); setDraftTo(to); }, [from, to]);
  const preset = to === asOf ? PRESETS.find((p) => addDays(asOf, -(p.days - 1)) === from)?.key ?? 'custom' : 'custom';
  const bad = draftFrom > draftTo;
  return (
    <form
      className="row trust-range no-print"
      aria-label={t('trust.range.label')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!bad) onChange({ from: draftFrom, to: draftTo });
      }}
    >
      <label>
        {t('trust.range.preset')}
        <select
          value={preset}
          onChange={(e) => {
            const p = PRESETS.find((x) => x.key === e.target.value);
            if (p) onChange(p.key === '12w' ? {} : { from: addDays(asOf, -(p.days - 1)), to: asOf });
          }}
        >
          {PRESETS.map((p) => (
            <option key={p.key} value={p.key}>{t(`trust.range.${p.key}`)}</option>
          ))}
          <option value="custom" disabled={preset !== 'custom'}>{t('trust.range.custom')}</option>
        </select>
      </label>
      <label>
        {t('trust.range.from')}
        <DateInput value={draftFrom} max={draftTo} onChange={setDraftFrom} required />
      </label>
      <label>
        {t('trust.range.to')}
        <DateInput value={draftTo} min={draftFrom} onChange={setDraftTo} required />
      </label>
      <button type="submit" disabled={bad || (draftFrom === from && draftTo === to)}>{t('trust.range.apply')}</button>
      {bad && <span role="alert" className="error">{t('trust.range.bad')}</span>}
    </form>
  );
}
