/** Who may do what (SPEC §5): the refusal screen, confirmations, the other cashier's shift, the idle lock. */
import { defineStrings } from './define';

const accessId = {
  'access.denied.title': 'Layar ini khusus pengelola',
  'access.denied.explain': '{screen} hanya dapat dibuka oleh pengelola. Anda masuk sebagai {name} (kasir).',
  'access.denied.who': 'Yang dapat membukanya: {names}.',
  'access.denied.back': 'Kembali ke kasir',
  'access.confirm.deactivateProduct': 'Nonaktifkan produk "{name}"?',
  'access.confirm.deactivateProducer': 'Nonaktifkan produsen "{name}"?',
  'access.confirm.deactivateExplain': 'Barang nonaktif tidak bisa dijual atau diterima lagi sampai diaktifkan kembali. Riwayat dan saldo tetap tersimpan.',
  'access.confirm.deactivate': 'Ya, nonaktifkan',
  'access.shift.othersTitle': 'Shift #{id} milik {name}',
  'access.shift.othersExplain': 'Shift ini dibuka oleh {name} pada {at}. Hanya {name} yang boleh berjualan di shift ini.',
  'access.shift.othersChoices': 'Minta {name} kembali dan masuk, atau tutup shift itu dengan hitungan kasnya (perlu PIN pengelola bagi kasir), lalu buka shift Anda sendiri.',
  'access.shift.closeOthers': 'Tutup shift {name} (hitung kas)',
  'settings.idleLock': 'Kunci layar setelah tidak dipakai (menit)',
};

const accessEn: Record<keyof typeof accessId, string> = {
  'access.denied.title': 'This screen is for managers',
  'access.denied.explain': 'Only a manager may open {screen}. You are signed in as {name} (cashier).',
  'access.denied.who': 'Who may open it: {names}.',
  'access.denied.back': 'Back to the till',
  'access.confirm.deactivateProduct': 'Deactivate the product "{name}"?',
  'access.confirm.deactivateProducer': 'Deactivate the producer "{name}"?',
  'access.confirm.deactivateExplain': 'An inactive item cannot be sold or received until it is activated again. Its history and balance are kept.',
  'access.confirm.deactivate': 'Yes, deactivate',
  'access.shift.othersTitle': 'Shift #{id} belongs to {name}',
  'access.shift.othersExplain': '{name} opened this shift at {at}. Only {name} may sell on it.',
  'access.shift.othersChoices': 'Ask {name} to come back and sign in, or close that shift with its cash count (a cashier needs a manager PIN), then open your own.',
  'access.shift.closeOthers': "Close {name}'s shift (count the cash)",
  'settings.idleLock': 'Lock the screen after this many idle minutes',
};

export const roleAccessStrings = defineStrings(accessId, accessEn);
