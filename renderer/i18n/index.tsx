import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Lang } from '../../shared/i18nText';
import { common } from './common';
import { catalogueStrings } from './catalogue';
import { stockStrings } from './stock';
import { tillStrings } from './till';
import { tillCounterStrings } from './tillCounter';
import { settleStrings } from './settle';
import { trustStrings } from './trust';
import { systemStrings } from './system';
import { jobStrings } from './jobs';
import { paperStrings } from './paper';
import { accessStrings } from './access';
import { applyPlurals } from './plural';
import { labelStrings } from './labels';
import { pagesAndSumsStrings } from './pagesAndSums';
import { safetyStrings } from './safety';
import { roleAccessStrings } from './roleAccess';
import { insightStrings } from './insight';

/** Every area's strings, merged. Each area owns one file in this folder. */
const dictionaries = [common, catalogueStrings, stockStrings, tillStrings, tillCounterStrings, settleStrings, trustStrings, systemStrings, jobStrings, paperStrings, accessStrings, labelStrings, pagesAndSumsStrings, safetyStrings, roleAccessStrings, insightStrings];

type KeysOf<D> = D extends { id: Record<infer K, string> } ? K : never;
// Spelled out per area: a union of the dictionary types would collapse the empty ones.
export type StringKey =
  | KeysOf<typeof common>
  | KeysOf<typeof catalogueStrings>
  | KeysOf<typeof stockStrings>
  | KeysOf<typeof tillStrings>
  | KeysOf<typeof tillCounterStrings>
  | KeysOf<typeof settleStrings>
  | KeysOf<typeof trustStrings>
  | KeysOf<typeof systemStrings>
  | KeysOf<typeof jobStrings>
  | KeysOf<typeof paperStrings>
  | KeysOf<typeof accessStrings>
  | KeysOf<typeof labelStrings>
  | KeysOf<typeof pagesAndSumsStrings>
  | KeysOf<typeof safetyStrings>
  | KeysOf<typeof roleAccessStrings>
  | KeysOf<typeof insightStrings>;

const merged: Record<Lang, Record<string, string>> = { id: {}, en: {} };
for (const d of dictionaries) {
  for (const lang of ['id', 'en'] as const) {
    for (const [k, v] of Object.entries(d[lang] as Record<string, string>)) {
      if (lang === 'id' && k in merged.id) throw new Error(`i18n key defined twice: ${k}`);
      merged[lang][k] = v;
    }
  }
}

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: StringKey, params?: Record<string, string | number>): string {
  const text = merged[lang][key] ?? merged.id[key] ?? key;
  if (!params) return text;
  return applyPlurals(text, lang, params).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ lang, setLang, children }: { lang: Lang; setLang(lang: Lang): void; children: ReactNode }) {
  const t = useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export const useT = () => useI18n().t;
