import { defineStrings } from './define';

// Strings of long work's progress bar and the store runtime's notices. Keys are prefixed 'jobs.'.
const id = {
  'jobs.progress': 'Kemajuan',
  'jobs.working': 'Sedang berjalan…',
  'jobs.count': '{done} dari {total}',
  'jobs.cancel': 'Batalkan',
  'jobs.cancelled': 'Dibatalkan. Tidak ada yang berubah.',
  'jobs.phase.start': 'Memulai',
  'jobs.phase.hashing': 'Memeriksa rantai',
  'jobs.phase.journal': 'Memeriksa jurnal penjualan',
  'jobs.phase.copying': 'Menyalin',
  'jobs.phase.compressing': 'Memadatkan cadangan',
  'jobs.phase.reading': 'Membaca',
  'jobs.phase.rows': 'Menulis baris',
  'jobs.phase.decompressing': 'Membuka cadangan',
  'jobs.phase.checking': 'Memeriksa cadangan',
  'jobs.phase.swapping': 'Memasang cadangan',
  'jobs.restarted': 'Mesin toko berhenti dan sudah dinyalakan lagi. Permintaan yang sedang berjalan tidak diulang; periksa sebelum mencoba lagi.',
  'jobs.verify.title': 'Pemeriksaan buku produsen',
  'jobs.verify.intro': 'Menghitung ulang rantai hash setiap produsen. Kasir tetap bisa berjualan selama pemeriksaan.',
  'jobs.verify.run': 'Periksa buku produsen',
  'jobs.verify.ok': 'Semua rantai cocok: {entries} catatan dari {producers} produsen.',
  'jobs.verify.broken': 'Ditemukan {count} masalah: {first}',
};

const en: Record<keyof typeof id, string> = {
  'jobs.progress': 'Progress',
  'jobs.working': 'Working…',
  'jobs.count': '{done} of {total}',
  'jobs.cancel': 'Cancel',
  'jobs.cancelled': 'Cancelled. Nothing was changed.',
  'jobs.phase.start': 'Starting',
  'jobs.phase.hashing': 'Checking the chains',
  'jobs.phase.journal': 'Checking the sales journal',
  'jobs.phase.copying': 'Copying',
  'jobs.phase.compressing': 'Compressing the backup',
  'jobs.phase.reading': 'Reading',
  'jobs.phase.rows': 'Writing rows',
  'jobs.phase.decompressing': 'Unpacking the backup',
  'jobs.phase.checking': 'Checking the backup',
  'jobs.phase.swapping': 'Putting the backup in place',
  'jobs.restarted': 'The store engine stopped and was started again. Requests in progress were not retried; check before trying again.',
  'jobs.verify.title': 'Producer ledger check',
  'jobs.verify.intro': "Recomputes every producer's hash chain. Cashiers can keep selling while it runs.",
  'jobs.verify.run': 'Check the producer ledger',
  'jobs.verify.ok': 'Every chain matches: {entries} entries of {producers} producers.',
  'jobs.verify.broken': '{count} problems found: {first}',
};

export const jobStrings = defineStrings(id, en);
