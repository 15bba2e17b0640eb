import type { AreaHandlers } from '../handlerTypes';
import { AppError } from '../errors';
import { storeControl } from './control';
import { writeBackup } from './create';
import { listBackups } from './files';
import { restoreBackup } from './restore';

/** backup.create (long work) and backup.restore (exclusive) are asynchronous: they run through `callAsync`. */
export const backupHandlers: AreaHandlers<'backup.create' | 'backup.list' | 'backup.restore'> = {
  'backup.create': async (input, ctx) => {
    const control = storeControl(ctx);
    const db = control.db();
    if (!db) throw new AppError('UNAVAILABLE', { id: 'Basis data tidak terbuka.', en: 'The database is not open.' });
    const folder = input.folder ?? control.backupsDir;
    try {
      const info = await writeBackup(db, {
        folder,
        kind: 'manual',
        at: ctx.now(),
        progress: (done, total, phase) => ctx.job.progress(phase, done, total),
        ...(control.nativeBinding ? { nativeBinding: control.nativeBinding } : {}),
      });
      ctx.emit('backup.completed', { file: info.file, kind: 'manual' });
      return info;
    } catch (err) {
      if (err instanceof AppError) throw err;
      const msg = (err as Error).message;
      throw new AppError(
        'VALIDATION',
        { id: `Cadangan tidak dapat ditulis ke ${folder} (${msg}).`, en: `The backup could not be written to ${folder} (${msg}).` },
        'folder',
      );
    }
  },
  'backup.list': (_input, ctx) => listBackups(storeControl(ctx).backupsDir),
  'backup.restore': async (input, ctx) => restoreBackup(ctx, input),
};
