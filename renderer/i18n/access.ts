import { defineStrings } from './define';

/** Words for forms and the keyboard: date fields, skip links, focus targets. */
export const accessStrings = defineStrings(
  {
    'form.date.placeholder': 'hh/bb/tttt',
    'form.date.hint': 'Tanggal: hari/bulan/tahun, mis. 22/11/2026',
    'form.dateTime.placeholder': 'hh/bb/tttt jj:mm',
    'form.dateTime.hint': 'Tanggal dan jam (24 jam): hari/bulan/tahun jam:menit, mis. 22/11/2026 14:05',
    'a11y.actions': 'Tindakan',
    'a11y.skipToContent': 'Langsung ke isi',
    'a11y.skipToActions': 'Langsung ke pilihan minggu dan Finalkan',
  },
  {
    'form.date.placeholder': 'dd/mm/yyyy',
    'form.date.hint': 'Date: day/month/year, e.g. 22/11/2026',
    'form.dateTime.placeholder': 'dd/mm/yyyy hh:mm',
    'form.dateTime.hint': 'Date and time (24-hour): day/month/year hour:minute, e.g. 22/11/2026 14:05',
    'a11y.actions': 'Actions',
    'a11y.skipToContent': 'Skip to content',
    'a11y.skipToActions': 'Skip to the week and Finalise',
  },
);
