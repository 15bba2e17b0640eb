/** The two languages of the app. Bahasa Indonesia is the default. */
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

/** A message written in both languages where it is raised, so no catalogue can drift from it. */
export interface BiText {
  id: string;
  en: string;
}

export function bi(id: string, en: string): BiText {
  return { id, en };
}
