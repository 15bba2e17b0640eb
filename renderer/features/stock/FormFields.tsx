import { useCallback, useRef, useState } from 'react';
import { useT } from '../../i18n';

/** Who handed the goods over (or took them back) and free notes, side by side, on intake and return forms. */
export function HandoverFields({ whoLabel, who, onWho, notes, onNotes }: { whoLabel: string; who: string; onWho(v: string): void; notes: string; onNotes(v: string): void }) {
  const t = useT();
  return (
    <div className="row">
      <label className="grow">
        {whoLabel}
        <input value={who} onChange={(e) => onWho(e.target.value)} aria-label={whoLabel} maxLength={120} />
      </label>
      <label className="grow">
        {t('stock.notes')}
        <input value={notes} onChange={(e) => onNotes(e.target.value)} aria-label={t('stock.notes')} maxLength={500} />
      </label>
    </div>
  );
}

/** The editable lines of an intake or return form, each with a stable key: add, change one, remove one. */
export function useDraftLines<L extends { key: number }>(initial: () => Omit<L, 'key'>[] = () => []) {
  const nextKey = useRef(1);
  const withKey = useCallback((line: Omit<L, 'key'>) => ({ ...line, key: nextKey.current++ }) as L, []);
  // The first lines take keys below 1 so that the ref (counting up from 1) is not read while rendering.
  const [lines, setLines] = useState<L[]>(() => initial().map((line, i) => ({ ...line, key: -i }) as L));
  return {
    lines,
    setLines,
    withKey,
    add: (line: Omit<L, 'key'>) => setLines((ls) => [...ls, withKey(line)]),
    update: (key: number, patch: Partial<L>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l))),
    remove: (key: number) => setLines((ls) => ls.filter((l) => l.key !== key)),
  };
}
