import { defineStrings } from './define';

// Strings of label printing. Keys are prefixed 'labels.'.
const id = {
  'labels.title': 'Cetak label barcode',
  'labels.open': 'Cetak label',
  'labels.forIntake': 'Label untuk {number}',
  'labels.layout': 'Jenis kertas label',
  'labels.startAt': 'Mulai di posisi (1–{max})',
  'labels.count': 'Jumlah label',
  'labels.relabel': 'Label ulang semua di rak ({n})',
  'labels.summary': '{n} label di {pages} lembar',
  'labels.summaryRoll': '{n} label',
  'labels.none': 'Tidak ada label untuk dicetak.',
  'labels.withoutBarcode': 'Belum punya barcode, jadi belum ada labelnya: {list}.',
  'labels.assignNow': 'Beri barcode toko sekarang',
  'labels.assignAll': 'Beri barcode toko ke semua produk tanpa barcode',
  'labels.assignedAll': '{n} produk mendapat barcode toko.',
  'labels.assignedNone': 'Semua produk aktif sudah punya barcode.',
  'labels.assignOne': 'Beri barcode toko',
  'labels.close': 'Tutup label',
  'labels.print': 'Cetak label',
  'labels.preview': 'Pratinjau lembar label',
  'labels.page': 'Lembar {n}',
  'labels.expiry': 'ED {date}',
  'labels.relabelAfterChange': 'Cetak label harga baru',
};

const en: Record<keyof typeof id, string> = {
  'labels.title': 'Print barcode labels',
  'labels.open': 'Print labels',
  'labels.forIntake': 'Labels for {number}',
  'labels.layout': 'Label stock',
  'labels.startAt': 'Start at position (1–{max})',
  'labels.count': 'Number of labels',
  'labels.relabel': 'Relabel everything on the shelf ({n})',
  'labels.summary': '{n} labels on {pages} sheets',
  'labels.summaryRoll': '{n} labels',
  'labels.none': 'No labels to print.',
  'labels.withoutBarcode': 'No barcode yet, so no label for: {list}.',
  'labels.assignNow': 'Give them store barcodes now',
  'labels.assignAll': 'Give every product without a barcode a store barcode',
  'labels.assignedAll': '{n} products got a store barcode.',
  'labels.assignedNone': 'Every active product already has a barcode.',
  'labels.assignOne': 'Give a store barcode',
  'labels.close': 'Close labels',
  'labels.print': 'Print labels',
  'labels.preview': 'Label sheet preview',
  'labels.page': 'Sheet {n}',
  'labels.expiry': 'Exp {date}',
  'labels.relabelAfterChange': 'Print labels with the new price',
};

export const labelStrings = defineStrings(id, en);
