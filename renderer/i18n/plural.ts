import type { Lang } from '../../shared/i18nText';

const rules: Record<Lang, Intl.PluralRules> = { id: new Intl.PluralRules('id-ID'), en: new Intl.PluralRules('en-GB') };

/** `{n, plural, one {# day} other {# days}}`: a one-level subset of ICU MessageFormat, enough for counts. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /\s*(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * Chooses each plural block's form for its count with Intl.PluralRules of the
 * language ("1 line", "2 lines"; Indonesian has one form), `#` standing for the
 * count as given (already formatted, if it was). A count that is not a number
 * takes the `other` form.
 */
export function applyPlurals(text: string, lang: Lang, params: Record<string, string | number>): string {
  return text.replace(PLURAL, (_, name: string, body: string) => {
    const raw = params[name];
    const count = typeof raw === 'number' ? raw : Number(String(raw ?? '').replace(/\./g, '').replace(',', '.'));
    const forms = new Map<string, string>();
    for (const [, key, form] of body.matchAll(BRANCH)) forms.set(key!, form!);
    const category = Number.isFinite(count) ? rules[lang].select(count) : 'other';
    const form = (Number.isFinite(count) && forms.get(`=${count}`)) || forms.get(category) || forms.get('other') || '';
    return form.replace(/#/g, String(raw ?? ''));
  });
}
