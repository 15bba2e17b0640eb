import type { z } from 'zod';
import { BI_SEPARATOR, type Envelope, type ErrorBody } from '../../shared/contract';
import type { Lang } from '../../shared/i18nText';
import { MoneyError } from '../../shared/money';
import { AppError } from './errors';
import { fieldLabel } from '../../shared/domain/fieldLabels';
import { STORAGE_TEXT, storageFault } from './db/storageFault';

const GENERIC: Record<string, { id: string; en: string }> = {
  invalid_type: { id: 'Jenis data salah atau tidak diisi', en: 'Missing or of the wrong type' },
  unrecognized_keys: { id: 'Kolom tidak dikenal', en: 'Unknown field' },
  invalid_value: { id: 'Nilai tidak diizinkan', en: 'Value not allowed' },
  too_small: { id: 'Terlalu kecil atau terlalu pendek', en: 'Too small or too short' },
  too_big: { id: 'Terlalu besar atau terlalu panjang', en: 'Too large or too long' },
  invalid_format: { id: 'Format tidak sah', en: 'Invalid format' },
  invalid_union: { id: 'Nilai tidak sah', en: 'Invalid value' },
};

function pick(message: string, lang: Lang): string {
  if (!message.includes(BI_SEPARATOR)) return message;
  const [id, en] = message.split(BI_SEPARATOR);
  return (lang === 'id' ? id : en) ?? message;
}

export function validationError(error: z.ZodError, lang: Lang): ErrorBody {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.');
  let message: string;
  if (issue.message.includes(BI_SEPARATOR)) message = pick(issue.message, lang);
  else if (GENERIC[issue.code]) message = GENERIC[issue.code]![lang];
  else message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `${message}: ${(issue as { keys?: string[] }).keys?.join(', ') ?? ''}`;
  }
  // named as the form labels it ("Baris 1 · Jumlah"); the path stays in `field` for the UI
  return { code: 'VALIDATION', message: field ? `${fieldLabel(issue.path, lang)}: ${message}` : message, ...(field ? { field } : {}) };
}

export function errorEnvelope(err: unknown, lang: Lang): Envelope<never> {
  if (err instanceof AppError) {
    return { ok: false, error: { code: err.code, message: err.text[lang], ...(err.field ? { field: err.field } : {}) } };
  }
  if (err instanceof MoneyError) {
    return { ok: false, error: { code: 'VALIDATION', message: err.messages[lang] } };
  }
  const sqliteCode = (err as { code?: unknown })?.code;
  const storage = storageFault(err);
  if (storage) {
    return { ok: false, error: { code: storage, message: STORAGE_TEXT[storage][lang] } };
  }
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    // A constraint the handler should have checked first; still a refusal, never a partial write.
    return {
      ok: false,
      error: {
        code: 'CONFLICT',
        message: lang === 'id' ? `Ditolak oleh basis data: ${(err as Error).message}` : `Refused by the database: ${(err as Error).message}`,
      },
    };
  }
  console.error('[core] internal error', err);
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message:
        lang === 'id'
          ? 'Terjadi kesalahan internal; tidak ada data yang berubah.'
          : 'An internal error occurred; nothing was changed.',
    },
  };
}
