import { parseRupiah } from '../../../shared/money';
import type { TermsDraft } from './TermsFields';
import { parsePercent } from './util';

export interface TermsPayload {
  retailPrice: number;
  mode: 'fixed' | 'percent';
  producerPrice?: number;
  commissionBps?: number;
}

/**
 * Turns what was typed into terms for the core. Text the app cannot read
 * (`12,5` rupiah, letters) is sent as NaN, which arrives as null, so the
 * core's validation answers with its own bilingual message; nothing is guessed.
 */
export function termsFromDraft(d: TermsDraft): TermsPayload {
  const retailPrice = parseRupiah(d.retailPrice) ?? Number.NaN;
  if (d.mode === 'fixed') {
    return d.producerPrice.trim() === ''
      ? { retailPrice, mode: 'fixed' }
      : { retailPrice, mode: 'fixed', producerPrice: parseRupiah(d.producerPrice) ?? Number.NaN };
  }
  return d.commission.trim() === ''
    ? { retailPrice, mode: 'percent' }
    : { retailPrice, mode: 'percent', commissionBps: parsePercent(d.commission) ?? Number.NaN };
}
