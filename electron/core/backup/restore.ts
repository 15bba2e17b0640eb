import fs from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from '../../../shared/contract/system';
import { audit } from '../audit';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { requireManager, type StaffMember } from '../staff/approval';
import { checkBackupFile } from './check';
import { storeControl, type StoreControl } from './control';
import { stamp } from './files';
import { fsyncFolder } from '../db/shutdownMarker';
import { clearRestoreJournal, copyOrDecompress, crashPoint, prepareCandidate, resetMarkerForRestore, writeRestoreJournal } from './restoreFiles';

const SIDES = ['-wal', '-shm', '-journal'];

function moveWithSides(from: string, to: string): void {
  fs.renameSync(from, to);
  for (const side of SIDES) if (fs.existsSync(from + side)) fs.renameSync(from + side, to + side);
}

/**
 * Replaces the store's database with a backup.
 *
 * 1. Approval: a manager's PIN, checked against the open store. While the
 *    store is refused no staff can be read, so no approval can be checked;
 *    the refusal screen must still be able to restore, and whoever can open
 *    the app on the shop's computer can also copy files in its data folder.
 * 2. The backup is copied next to the store and checked there (integrity,
 *    references, a UKM Mart schema not newer than the app) BEFORE anything
 *    is touched; a bad backup changes nothing. The checked copy is then made
 *    a finished store file (WAL mode, closed, fsynced: prepareCandidate).
 * 3. The store is closed, its file (and any journal) kept aside as
 *    `ukm-mart.sqlite.replaced-<timestamp>`, the checked copy moved into its
 *    place, and the store reopened with the usual start-up checks and
 *    migrations. Should the reopen fail, the replaced file is put back.
 *    From before the first rename until the reopen a journal
 *    (`restore-in-progress.json`) says what is being swapped: a kill at any
 *    moment leaves the old store or the restored one, whole, which the next
 *    start finds (restoreFiles.ts, recoverInterruptedRestore).
 * 4. The restore is written to the audit log of the restored store.
 */
export async function restoreBackup(ctx: CoreContext, input: { file: string; approval?: { staffId: number; pin: string } }): Promise<RestoreResult> {
  const control = storeControl(ctx);
  const db = control.db();
  let approvedBy: StaffMember | null = null;
  if (db) {
    if (!input.approval) {
      throw new AppError('FORBIDDEN', { id: 'Memulihkan cadangan memerlukan PIN pengelola.', en: 'Restoring a backup needs a manager PIN.' }, 'approval');
    }
    approvedBy = requireManager({ db, now: ctx.now }, input.approval);
  }
  const source = path.resolve(input.file);
  if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile()) {
    throw new AppError('NOT_FOUND', { id: `Berkas cadangan tidak ditemukan: ${source}`, en: `Backup file not found: ${source}` }, 'file');
  }
  if (source === control.dbFile) {
    throw new AppError('VALIDATION', { id: 'Itu adalah basis data toko sendiri, bukan cadangan.', en: 'That is the store database itself, not a backup.' }, 'file');
  }

  const at = ctx.now();
  const candidate = path.join(control.dataDir, `restore-candidate-${stamp(at)}.sqlite`);
  try {
    await copyOrDecompress(source, candidate, (done, total) => ctx.job.progress('decompressing', done, total));
  } catch (err) {
    if ((err as { code?: string }).code !== 'BACKUP_DAMAGED') throw err;
    const why = (err as Error).message;
    throw new AppError('VALIDATION', { id: `Cadangan ini rusak (${why}). Tidak ada yang diubah.`, en: `This backup is damaged (${why}). Nothing was changed.` }, 'file');
  }
  crashPoint('copied');
  ctx.job.progress('checking', 0, 1);
  const check = checkBackupFile(candidate, { nativeBinding: control.nativeBinding });
  if (!check.ok) {
    for (const f of [candidate, ...SIDES.map((s) => candidate + s)]) fs.rmSync(f, { force: true });
    throw new AppError('VALIDATION', {
      id: `${check.reason.id} Tidak ada yang diubah.`,
      en: `${check.reason.en} Nothing was changed.`,
    }, 'file');
  }
  try {
    prepareCandidate(candidate, control.nativeBinding);
  } catch (err) {
    for (const f of [candidate, ...SIDES.map((s) => candidate + s)]) fs.rmSync(f, { force: true });
    throw err;
  }
  crashPoint('prepared');
  ctx.job.progress('swapping', 0, 1);

  const wasReady = db !== null;
  control.closeDatabase();
  crashPoint('closed');
  const replacedFile = fs.existsSync(control.dbFile) ? `${control.dbFile}.replaced-${stamp(at)}` : undefined;
  // A kill from here until the reopen below: the journal lets start-up finish or undo the swap.
  writeRestoreJournal(control.dataDir, { replacedFile: replacedFile ?? null, candidate });
  crashPoint('journaled');
  if (replacedFile) moveWithSides(control.dbFile, replacedFile);
  crashPoint('aside');
  // Leftover journals of a missing database would otherwise be applied to the restored one.
  for (const side of SIDES) {
    if (fs.existsSync(control.dbFile + side)) fs.renameSync(control.dbFile + side, `${control.dbFile}${side}.replaced-${stamp(at)}`);
  }
  fs.renameSync(candidate, control.dbFile);
  fsyncFolder(control.dataDir);
  crashPoint('swapped');
  // A deliberate restore may go back to lower receipt numbers: the marker is set from the restored file,
  // with no full check on record, so the reopen runs the full checks before trading.
  resetMarkerForRestore(control.dataDir, control.dbFile, control.nativeBinding);
  crashPoint('marked');

  const status = control.reopen();
  crashPoint('reopened');
  if (status.state !== 'ready') {
    putBack(control, replacedFile, wasReady, at);
    clearRestoreJournal(control.dataDir);
    throw new AppError('VALIDATION', {
      id: `Cadangan tidak dapat dibuka sebagai toko (${status.reasonText?.id ?? status.reason}). Basis data sebelumnya dikembalikan.`,
      en: `The backup could not be opened as the store (${status.reason}). The previous database was put back.`,
    }, 'file');
  }
  clearRestoreJournal(control.dataDir);

  const restored = control.db()!;
  restored.transaction(() => {
    // The approving manager may not exist in the restored store (a newer staff member): keep the name in the record.
    const actorExists = approvedBy !== null && restored.prepare('SELECT 1 FROM staff WHERE id = ?').get(approvedBy.id) !== undefined;
    audit(restored, {
      at: at.toISOString(),
      actorId: actorExists ? approvedBy!.id : null,
      action: 'backup.restore',
      subjectType: 'database',
      subjectId: path.basename(source),
      before: { replacedFile: replacedFile ?? null, storeWasRefused: !wasReady },
      after: { restoredFrom: source, schemaVersion: check.schemaVersion, approvedBy: approvedBy ? { id: approvedBy.id, name: approvedBy.name } : null },
      reason: wasReady ? 'restore approved by a manager' : 'restore from the refusal screen (store refused: no approval possible)',
    });
  }).immediate();
  crashPoint('audited');
  ctx.emit('data.changed', { area: 'all' });
  return { restoredFrom: source, ...(replacedFile ? { replacedFile } : {}), status: control.status() };
}

function putBack(control: StoreControl, replacedFile: string | undefined, wasReady: boolean, at: Date): void {
  control.closeDatabase();
  const failed = `${control.dbFile}.failed-restore-${stamp(at)}`;
  if (fs.existsSync(control.dbFile)) moveWithSides(control.dbFile, failed);
  if (replacedFile && fs.existsSync(replacedFile)) moveWithSides(replacedFile, control.dbFile);
  const again = control.reopen();
  if (wasReady && again.state !== 'ready') console.error('[backup] the previous database could not be reopened after a failed restore:', again.reason);
}
