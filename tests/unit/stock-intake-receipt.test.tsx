/** Issue #10 item 7: the intake receipt warns about a perishable line delivered without a date. */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nProvider } from '../../renderer/i18n';
import { IntakeReceipt } from '../../renderer/print/IntakeReceipt';
import type { Intake } from '../../shared/contract/stock';

const intake: Intake = {
  id: 1, number: 'TT-000001', producerId: 1, producerName: 'Bu Siti', producerShortName: 'Siti', producerPhone: '', producerAddress: 'Telang',
  receivedAt: '2026-11-02T02:00:00.000Z', receivedBy: null, deliveredBy: 'Siti', notes: '', totalUnits: 15,
  lines: [
    { productId: 1, productName: 'Telur asin', unit: 'butir', quantity: 10, expiryDate: null, perishable: true },
    { productId: 2, productName: 'Kerupuk', unit: 'bungkus', quantity: 5, expiryDate: null, perishable: false },
  ],
} as Intake;

// PrintFrame sets the @page size on the document; the server renderer has none, so give it a bare one.
(globalThis as { document?: unknown }).document ??= { getElementById: () => null, createElement: () => ({}), head: { appendChild: () => undefined } };

describe('intake receipt', () => {
  for (const paper of ['A5', '58mm'] as const) {
    it(`warns on ${paper} paper about a perishable line without a date, and only about that one`, () => {
      const html = renderToStaticMarkup(
        <I18nProvider lang="id" setLang={() => {}}>
          <IntakeReceipt intake={intake} paper={paper} />
        </I18nProvider>,
      );
      expect(html.match(/Mudah basi, tanpa tanggal kedaluwarsa/g)).toHaveLength(1);
      expect(html.indexOf('Telur asin')).toBeLessThan(html.indexOf('Mudah basi, tanpa tanggal'));
      expect(html.indexOf('Kerupuk')).toBeGreaterThan(html.indexOf('Mudah basi, tanpa tanggal'));
    });
  }
});
