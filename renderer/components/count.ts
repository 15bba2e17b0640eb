/** A count as the screen's language writes it: 380.398 in Indonesian, 380,398 in English. */
const formats = { id: new Intl.NumberFormat('id-ID'), en: new Intl.NumberFormat('en-US') };

export const formatCount = (n: number, lang: 'id' | 'en'): string => formats[lang].format(n);
