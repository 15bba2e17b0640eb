/** Issue #10 item 4: the on-screen itemisation names the product on a discounted line's row too. */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nProvider } from '../../renderer/i18n';
import { Itemisation } from '../../renderer/features/settle/Itemisation';
import { itemise } from '../../shared/domain/settlementItems';

const sale = (id: number, amount: number, quantity: number) => ({
  id, seq: id, kind: 'sale' as const, amount, occurredAt: '2026-11-03T03:00:00.000Z', productId: 7, productName: 'Keripik singkong', unit: 'bungkus', quantity, reason: '',
});

describe('settlement itemisation on screen', () => {
  it('names the product on every row, the discounted (varying share) row included', () => {
    // 2 × Rp 10 625 at full price, then one discounted line whose share does not divide per unit
    const items = itemise([sale(1, 21_250, 2), sale(2, 18_125, 2)]);
    expect(items.products[0]!.saleRows).toHaveLength(2);
    const html = renderToStaticMarkup(
      <I18nProvider lang="id" setLang={() => {}}>
        <Itemisation items={items} lang="id" />
      </I18nProvider>,
    );
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]!).slice(1); // skip the header
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/^<td>Keripik singkong<\/td>/);
  });
});
