import { defineStrings } from './define';

// Strings of the counter additions (issue #15): percent discounts, parked sales,
// QRIS at the counter, the customer display, the refund receipt. Keys are prefixed 'till.'.
const counterId = {
  'till.discount.kind': 'Diskon dalam',
  'till.discount.inRupiah': 'Rupiah',
  'till.discount.inPercent': 'Persen',
  'till.discount.percent': 'Diskon baris (%)',
  'till.discount.invalidPercent': 'Persen diskon harus antara 0 dan 100 (mis. 10 atau 2,5).',
  'till.discount.isRupiah': 'Diskon ini {amount}',
};

const counterEn: Record<keyof typeof counterId, string> = {
  'till.discount.kind': 'Discount in',
  'till.discount.inRupiah': 'Rupiah',
  'till.discount.inPercent': 'Percent',
  'till.discount.percent': 'Line discount (%)',
  'till.discount.invalidPercent': 'The discount percentage must be between 0 and 100 (e.g. 10 or 2.5).',
  'till.discount.isRupiah': 'This discount is {amount}',
};

export const tillCounterStrings = defineStrings(counterId, counterEn);
