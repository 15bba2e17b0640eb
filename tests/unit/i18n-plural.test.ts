import { describe, expect, it } from 'vitest';
import { translate, type StringKey } from '../../renderer/i18n';
import { applyPlurals } from '../../renderer/i18n/plural';
import { catalogueStrings } from '../../renderer/i18n/catalogue';
import { settleStrings } from '../../renderer/i18n/settle';
import { stockStrings } from '../../renderer/i18n/stock';
import { tillStrings } from '../../renderer/i18n/till';
import { trustStrings } from '../../renderer/i18n/trust';

describe('plurals through Intl.PluralRules', () => {
  it('English says "1 day", "2 days", "1 line"; Indonesian has one form', () => {
    expect(translate('en', 'settle.status.overdue', { days: 1 })).toBe('⚠ 1 day overdue');
    expect(translate('en', 'settle.status.overdue', { days: 4 })).toBe('⚠ 4 days overdue');
    expect(translate('en', 'till.total.units', { units: 1, lines: 1 })).toBe('1 item, 1 line');
    expect(translate('en', 'till.total.units', { units: 3, lines: 2 })).toBe('3 items, 2 lines');
    expect(translate('en', 'settle.finalized', { count: 1, first: 'ST-000001', last: 'ST-000001' })).toBe('1 settlement made (ST-000001–ST-000001).');
    expect(translate('en', 'trust.lateNow.line', { days: 1, due: '1 Nov 2026', count: 1, amount: 'Rp 5.000' })).toBe(
      '— 1 day late since 1 Nov 2026 · 1 settlement · Rp 5.000',
    );
    expect(translate('id', 'settle.status.overdue', { days: 1 })).toContain('1 hari');
  });

  it('a formatted or missing count takes a sensible form', () => {
    expect(applyPlurals('{n, plural, one {# day} other {# days}}', 'en', { n: '1.234' })).toBe('1.234 days');
    expect(applyPlurals('{n, plural, =0 {none} one {# day} other {# days}}', 'en', { n: 0 })).toBe('none');
    expect(applyPlurals('{n, plural, one {# day} other {# days}}', 'en', { n: '—' })).toBe('— days');
  });

  it('every plural in the dictionaries is well formed: nothing of the syntax is left after translating', () => {
    const areas = [catalogueStrings, settleStrings, stockStrings, tillStrings, trustStrings];
    let plurals = 0;
    for (const area of areas) {
      for (const lang of ['id', 'en'] as const) {
        for (const [key, text] of Object.entries(area[lang] as Record<string, string>)) {
          if (!text.includes(', plural,')) continue;
          plurals++;
          const params = new Proxy({}, { get: () => 1 }) as Record<string, number>;
          for (const n of [1, 2]) {
            const out = translate(lang, key as StringKey, new Proxy(params, { get: () => n }));
            expect(out, key).not.toMatch(/plural|[{}]/);
          }
        }
      }
    }
    expect(plurals).toBeGreaterThan(10);
  });
});
