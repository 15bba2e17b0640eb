import { z } from 'zod';
import { MAX_RUPIAH } from '../money';
import { isLocalDate } from '../domain/time';

/**
 * Who may call a method (SPEC §5), checked by the dispatcher before the handler runs:
 * - `setup`: only before the store is set up (first run);
 * - `anyone`: no session needed (status, the lock screen's staff list, signing in);
 * - `staff`: a signed-in staff member of either role;
 * - `manager`: a signed-in manager.
 */
export type Access = 'setup' | 'anyone' | 'staff' | 'manager';

/**
 * How the store runtime runs a method (ARCHITECTURE: one write queue, reads beside it):
 * - `read`: on a read-only connection, never takes the write lock;
 * - `write`: one at a time through the write queue, in one transaction;
 * - `exclusive`: waits for the queue to drain and holds it (restore, migrations);
 * - `long`: long work (verify, backup, exports, checks) that reports progress.
 */
export type MethodKind = 'read' | 'write' | 'exclusive' | 'long';

/**
 * A method of the contract: its zod input schema, its output type (a phantom,
 * carried only in the type system), who may call it, and how the runtime runs
 * it (its kind decides the connection and the transaction: see dispatch.ts).
 */
export interface MethodDef<I extends z.ZodType, O> {
  readonly input: I;
  readonly access: Access;
  readonly kind: MethodKind;
  /** Phantom: never read at run time. */
  readonly _output?: O;
}

export function method<O>(options: { access: Access; kind: MethodKind }) {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({
    input,
    access: options.access,
    kind: options.kind,
  });
}

/** Error codes are part of the contract: tests and the UI rely on them. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  /** No signed-in session, or it ended (lock, sign-out, idle time): sign in again. */
  'UNAUTHENTICATED',
  /** Signed in, but this act is not the caller's (a cashier calling a manager's method, another cashier's shift). */
  'FORBIDDEN',
  'THROTTLED',
  'UNAVAILABLE',
  'INTERNAL',
  /** The disk is full: the write was not recorded (SPEC §9). */
  'DISK_FULL',
  /** The data folder cannot be written to (SPEC §9). */
  'READ_ONLY',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** For VALIDATION: the path of the offending field, e.g. `lines.0.quantity`. */
  field?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/*
 * Messages of schema checks carry both languages as `id\u241Fen`; the core picks
 * the store's language when it builds the error envelope.
 */
export const BI_SEPARATOR = '\u241F';
export const biMsg = (id: string, en: string) => `${id}${BI_SEPARATOR}${en}`;

/** A field's type error: "required" when it is missing, the given message when it is of the wrong kind. */
const typeError = (id: string, en: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? biMsg('Wajib diisi', 'Required') : biMsg(id, en);

// ---- Shared field schemas -------------------------------------------------

export const rupiah = () =>
  z
    .number({ error: typeError('Harus berupa angka rupiah', 'Must be a number of rupiah') })
    .refine(Number.isSafeInteger, { error: biMsg('Harus bilangan bulat rupiah, tanpa pecahan', 'Must be a whole number of rupiah') })
    .refine((v) => v >= 0, { error: biMsg('Tidak boleh negatif', 'Cannot be negative') })
    .refine((v) => v <= MAX_RUPIAH, { error: biMsg('Melebihi Rp 1.000.000.000.000', 'Exceeds Rp 1.000.000.000.000') });

/** A signed amount, for adjustments. */
export const signedRupiah = () =>
  z
    .number({ error: typeError('Harus berupa angka rupiah', 'Must be a number of rupiah') })
    .refine(Number.isSafeInteger, { error: biMsg('Harus bilangan bulat rupiah, tanpa pecahan', 'Must be a whole number of rupiah') })
    .refine((v) => Math.abs(v) <= MAX_RUPIAH, { error: biMsg('Melebihi Rp 1.000.000.000.000', 'Exceeds Rp 1.000.000.000.000') });

export const positiveRupiah = () =>
  rupiah().refine((v) => v > 0, { error: biMsg('Harus lebih dari nol', 'Must be more than zero') });

export const bps = () =>
  z
    .number({ error: typeError('Harus berupa angka', 'Must be a number') })
    .refine(Number.isSafeInteger, { error: biMsg('Harus bilangan bulat basis poin', 'Must be whole basis points') })
    .refine((v) => v >= 0 && v <= 10_000, { error: biMsg('Persentase harus antara 0% dan 100%', 'Percentage must be between 0% and 100%') });

export const quantity = () =>
  z
    .number({ error: typeError('Jumlah harus berupa angka', 'Quantity must be a number') })
    .refine(Number.isSafeInteger, { error: biMsg('Jumlah harus bilangan bulat', 'Quantity must be a whole number') })
    .refine((v) => v > 0, { error: biMsg('Jumlah harus lebih dari nol', 'Quantity must be more than zero') })
    .refine((v) => v <= 1_000_000, { error: biMsg('Jumlah terlalu besar', 'Quantity too large') });

export const id = () =>
  z
    .number({ error: typeError('Harus berupa nomor id', 'Must be an id number') })
    .refine((v) => Number.isSafeInteger(v) && v > 0, { error: biMsg('Id tidak sah', 'Invalid id') });

export const uuid = () => z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  error: biMsg('Id harus UUID', 'Id must be a UUID'),
});

export const localDate = () =>
  z.string().refine(isLocalDate, { error: biMsg('Tanggal harus berformat YYYY-MM-DD', 'Date must be YYYY-MM-DD') });

export const instant = () =>
  z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), {
    error: biMsg('Waktu harus berformat ISO 8601', 'Time must be ISO 8601'),
  });

export const nonEmptyText = (max = 200) =>
  z
    .string({ error: typeError('Harus berupa teks', 'Must be text') })
    .trim()
    .min(1, { error: biMsg('Tidak boleh kosong', 'Cannot be empty') })
    .max(max, { error: biMsg(`Paling banyak ${max} karakter`, `At most ${max} characters`) });

export const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, { error: biMsg(`Paling banyak ${max} karakter`, `At most ${max} characters`) })
    .optional();

export const pin = () => z.string().regex(/^\d{4,8}$/, { error: biMsg('PIN harus 4–8 angka', 'PIN must be 4–8 digits') });

/** A manager's approval given at the moment of a sensitive action. */
export const approval = () => z.object({ staffId: id(), pin: pin() });

export const empty = () => z.object({}).strict().optional().default({});
