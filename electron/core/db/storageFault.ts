/**
 * A full disk and a read-only data folder are the shop's problems, not bugs:
 * they get their own error codes and words (SPEC §9), and the core remembers
 * the last one seen so `system.status` and the banner on every screen report
 * it until a write succeeds again.
 */
export type StorageFault = 'DISK_FULL' | 'READ_ONLY';

export const STORAGE_TEXT: Record<StorageFault, { id: string; en: string }> = {
  DISK_FULL: {
    id: 'Disk penuh: penjualan tidak dicatat. Kosongkan ruang di disk (hapus berkas yang tidak perlu), lalu coba lagi; aplikasi pulih sendiri.',
    en: 'Disk full: the sale was not recorded. Free some space on the disk (delete files you do not need), then try again; the app recovers by itself.',
  },
  READ_ONLY: {
    id: 'Folder data hanya-baca: tidak ada yang dapat dicatat. Periksa izin folder data atau disk (mis. flashdisk terkunci), lalu coba lagi.',
    en: 'The data folder is read-only: nothing can be recorded. Check the permissions of the data folder or the disk (e.g. a locked drive), then try again.',
  },
};

const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

/** Which storage fault an error is, if any: SQLite's own codes (any extended variant) and Node's errno codes. */
export function storageFault(err: unknown): StorageFault | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (FULL_CODES.has(code) || code.startsWith('SQLITE_FULL')) return 'DISK_FULL';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || READ_ONLY_CODES.has(code)) return 'READ_ONLY';
  // SQLITE_IOERR_WRITE / _FSYNC on a full or read-only disk: the message names the cause.
  if (code.startsWith('SQLITE_IOERR')) {
    const msg = String((err as Error).message ?? '');
    if (/no space|disk is full|ENOSPC/i.test(msg)) return 'DISK_FULL';
  }
  return null;
}
