import type { MethodParsed } from '../../../shared/contract';
import type { StoreQris } from '../../../shared/contract/till';
import { audit } from '../audit';
import { nowIso, type CoreContext } from '../context';
import { invalid } from '../errors';
import { requireManager } from '../staff/approval';
import { sql } from './db';

/*
 * The store's static QRIS image (SPEC §4): uploaded once in Settings, kept in the
 * database (so backups carry it), shown large at the counter with the amount.
 */

const MAX_BYTES = 1_000_000;
type Mime = 'image/png' | 'image/jpeg' | 'image/webp';

/** The first bytes of each accepted format: the file must be what its name says. */
function looksLike(mime: Mime, b: Buffer): boolean {
  if (mime === 'image/png') return b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (mime === 'image/jpeg') return b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  return b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP';
}

function readQris(ctx: CoreContext): StoreQris {
  const row = sql(ctx.db, 'SELECT mime, data, updated_at FROM store_qris WHERE id = 1').get() as { mime: string; data: Buffer; updated_at: string } | undefined;
  return row ? { dataUrl: `data:${row.mime};base64,${row.data.toString('base64')}`, updatedAt: row.updated_at } : { dataUrl: null, updatedAt: null };
}

export function getQris(_input: MethodParsed<'qris.get'>, ctx: CoreContext): StoreQris {
  return readQris(ctx);
}

export function setQris(input: MethodParsed<'qris.set'>, ctx: CoreContext): StoreQris {
  const manager = requireManager(ctx, input.approval);
  const at = nowIso(ctx);
  if (input.dataUrl === null) {
    sql(ctx.db, 'DELETE FROM store_qris WHERE id = 1').run();
    audit(ctx.db, { at, actorId: manager.id, action: 'qris.remove', subjectType: 'store', subjectId: 'qris' });
    return readQris(ctx);
  }
  const m = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/=]+)$/.exec(input.dataUrl);
  const bad = () =>
    invalid('Gambar QRIS harus berkas PNG, JPEG atau WebP, paling besar 1 MB.', 'The QRIS image must be a PNG, JPEG or WebP file of at most 1 MB.', 'dataUrl');
  if (!m) return bad();
  const mime = m[1] as Mime;
  const data = Buffer.from(m[2]!, 'base64');
  if (data.length === 0 || data.length > MAX_BYTES || !looksLike(mime, data)) return bad();
  sql(
    ctx.db,
    `INSERT INTO store_qris (id, mime, data, updated_at, updated_by) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET mime = excluded.mime, data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(mime, data, at, manager.id);
  audit(ctx.db, { at, actorId: manager.id, action: 'qris.set', subjectType: 'store', subjectId: 'qris', after: { mime, bytes: data.length } });
  return readQris(ctx);
}
