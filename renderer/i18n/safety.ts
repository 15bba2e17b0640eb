import { defineStrings } from './define';

// Strings of the data-safety banner, the data checks and the backup budget (issue 12). Keys are prefixed 'safety.'.
const id = {
  'safety.banner.label': 'Peringatan data',
  'safety.diskFull': 'Disk penuh: penjualan tidak dicatat. Kosongkan ruang di disk (hapus berkas yang tidak perlu); aplikasi pulih sendiri.',
  'safety.readOnly': 'Folder data hanya-baca: tidak ada yang dapat dicatat. Periksa izin folder data atau disk; aplikasi pulih sendiri.',
  'safety.lowSpace': 'Ruang disk hampir habis: sisa {free}, perlu paling sedikit {needed} (termasuk cadangan berikutnya). Kosongkan ruang sebelum disk penuh.',
  'safety.findings': 'Pemeriksaan data menemukan masalah: {list}. Setoran berikutnya tidak dapat difinalkan sampai pengelola memeriksanya. Pertimbangkan memulihkan cadangan.',
  'safety.acknowledge': 'Sudah diperiksa pengelola',
  'safety.acknowledgeTitle': 'PIN pengelola: masalah data sudah diperiksa',
  'safety.budget': 'Cadangan otomatis memakai {used} dari anggaran {budget}; cadangan berikutnya sekitar {next}. Cadangan dikompres; yang tertua dihapus bila anggaran terlampaui (cadangan manual tidak pernah).',
  'safety.z.chainCode': 'Kode rantai penjualan',
};

const en: Record<keyof typeof id, string> = {
  'safety.banner.label': 'Data warning',
  'safety.diskFull': 'Disk full: sales are not being recorded. Free some space on the disk (delete files you do not need); the app recovers by itself.',
  'safety.readOnly': 'The data folder is read-only: nothing can be recorded. Check the permissions of the data folder or the disk; the app recovers by itself.',
  'safety.lowSpace': 'The disk is nearly full: {free} left, at least {needed} needed (including the next backup). Free some space before the disk fills up.',
  'safety.findings': 'The data check found problems: {list}. The next settlement cannot be finalised until a manager has looked. Consider restoring a backup.',
  'safety.acknowledge': 'Looked at by a manager',
  'safety.acknowledgeTitle': 'Manager PIN: the data problems have been looked at',
  'safety.budget': 'Automatic backups use {used} of a {budget} budget; the next backup is about {next}. Backups are compressed; the oldest are removed when the budget is exceeded (manual backups never).',
  'safety.z.chainCode': 'Sales chain code',
};

export const safetyStrings = defineStrings(id, en);
