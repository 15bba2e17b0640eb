import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../shared/i18nText';
import { useI18n } from '../i18n';

const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * The top bar's language choice, which saves the moment it changes. A pick
 * with the mouse (or the open list) applies at once; arrow keys on the closed
 * dropdown only move the choice, which applies on Enter and is dropped when
 * the focus leaves, so stepping through it with the keyboard changes nothing.
 */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  const [draft, setDraft] = useState<Lang>(lang);
  const stepping = useRef(false);
  useEffect(() => setDraft(lang), [lang]);
  return (
    <label className="lang-switch">
      <span className="sr-only">{t('app.language')}</span>
      <select
        value={draft}
        aria-label={t('app.language')}
        onKeyDown={(e) => {
          if (STEP_KEYS.has(e.key) && !e.altKey) stepping.current = true;
          else if (e.key === 'Enter' && draft !== lang) {
            e.preventDefault();
            setLang(draft);
          }
        }}
        onChange={(e) => {
          const next = e.target.value as Lang;
          setDraft(next);
          if (!stepping.current) setLang(next);
          stepping.current = false;
        }}
        onBlur={() => setDraft(lang)}
      >
        <option value="id">Indonesia</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
