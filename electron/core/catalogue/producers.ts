import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { audit } from '../audit';
import { invalid, notFound } from '../errors';
import type { PayoutMethod, Producer } from '../../../shared/contract/catalogue';
import type { MethodParsed } from '../../../shared/contract';
import type { Page } from '../../../shared/contract/paging';
import { pagedRows } from '../paging';
import { likePattern, text } from './common';
import { setActiveFlag } from './activeFlag';

/** A row of the producers table. */
export interface ProducerTableRow {
  id: number;
  name: string;
  short_name: string;
  phone: string;
  address: string;
  payout_method: PayoutMethod;
  payout_provider: string;
  payout_account: string;
  payout_account_name: string;
  active: number;
  notes: string;
  created_at: string;
  updated_at: string;
}
interface ProducerRow extends ProducerTableRow {
  product_count: number;
}

const SELECT = `SELECT p.*, (SELECT COUNT(*) FROM products x WHERE x.producer_id = p.id AND x.active = 1) AS product_count FROM producers p`;

/** How to reach and pay a producer (also printed on payout slips). */
export const contactAndPayout = (r: ProducerTableRow) => ({
  phone: r.phone,
  address: r.address,
  payoutMethod: r.payout_method,
  payoutProvider: r.payout_provider,
  payoutAccount: r.payout_account,
  payoutAccountName: r.payout_account_name,
});

function toProducer(r: ProducerRow): Producer {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    ...contactAndPayout(r),
    active: r.active === 1,
    notes: r.notes,
    productCount: r.product_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getProducer(ctx: CoreContext, id: number): Producer {
  const row = ctx.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProducerRow | undefined;
  if (!row) return notFound(`Produsen #${id} tidak ditemukan`, `Producer #${id} not found`);
  return toProducer(row);
}

export function listProducers(ctx: CoreContext, input: MethodParsed<'producers.list'>): Page<Producer> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (!input.includeInactive) where.push('p.active = 1');
  if (input.search) {
    where.push(`(p.name LIKE ? ESCAPE '\\' OR p.short_name LIKE ? ESCAPE '\\' OR p.address LIKE ? ESCAPE '\\' OR p.phone LIKE ? ESCAPE '\\')`);
    const pattern = likePattern(input.search);
    args.push(pattern, pattern, pattern, pattern);
  }
  return pagedRows<ProducerRow, Producer>(
    ctx.db,
    {
      select: 'p.*, (SELECT COUNT(*) FROM products x WHERE x.producer_id = p.id AND x.active = 1) AS product_count',
      from: 'producers p',
      where,
      args,
      orderBy: 'p.active DESC, p.name COLLATE NOCASE, p.id',
    },
    input,
    toProducer,
  );
}

interface Payout {
  payoutMethod: PayoutMethod;
  payoutProvider: string;
  payoutAccount: string;
}

/** A bank transfer needs a bank and an account number; an e-wallet needs a provider and a number. */
function checkPayout(p: Payout): void {
  if (p.payoutMethod === 'transfer') {
    if (!p.payoutProvider) invalid('Nama bank wajib diisi untuk transfer', 'A bank name is required for bank transfer', 'payoutProvider');
    if (!p.payoutAccount) invalid('Nomor rekening wajib diisi untuk transfer', 'An account number is required for bank transfer', 'payoutAccount');
  }
  if (p.payoutMethod === 'ewallet') {
    if (!p.payoutProvider) invalid('Nama dompet digital wajib diisi', 'An e-wallet provider is required', 'payoutProvider');
    if (!p.payoutAccount) invalid('Nomor dompet digital wajib diisi', 'An e-wallet number is required', 'payoutAccount');
  }
}

export function createProducer(ctx: CoreContext, input: MethodParsed<'producers.create'>): Producer {
  const actor = ctx.actor;
  const payout: Payout = {
    payoutMethod: input.payoutMethod ?? 'cash',
    payoutProvider: text(input.payoutProvider),
    payoutAccount: text(input.payoutAccount),
  };
  checkPayout(payout);
  const at = nowIso(ctx);
  const info = ctx.db
    .prepare(
      `INSERT INTO producers (name, short_name, phone, address, payout_method, payout_provider, payout_account, payout_account_name, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.name,
      input.shortName,
      text(input.phone),
      text(input.address),
      payout.payoutMethod,
      payout.payoutMethod === 'cash' ? '' : payout.payoutProvider,
      payout.payoutMethod === 'cash' ? '' : payout.payoutAccount,
      payout.payoutMethod === 'cash' ? '' : text(input.payoutAccountName),
      text(input.notes),
      at,
      at,
    );
  const created = getProducer(ctx, Number(info.lastInsertRowid));
  audit(ctx.db, { at, actorId: actor?.id ?? null, action: 'producer.create', subjectType: 'producer', subjectId: created.id, after: created });
  return created;
}

export function updateProducer(ctx: CoreContext, input: MethodParsed<'producers.update'>): Producer {
  const actor = ctx.actor;
  const before = getProducer(ctx, input.id);
  const next = {
    name: input.name ?? before.name,
    shortName: input.shortName ?? before.shortName,
    phone: input.phone ?? before.phone,
    address: input.address ?? before.address,
    payoutMethod: input.payoutMethod ?? before.payoutMethod,
    payoutProvider: input.payoutProvider ?? before.payoutProvider,
    payoutAccount: input.payoutAccount ?? before.payoutAccount,
    payoutAccountName: input.payoutAccountName ?? before.payoutAccountName,
    notes: input.notes ?? before.notes,
  };
  checkPayout(next);
  const cash = next.payoutMethod === 'cash';
  const at = nowIso(ctx);
  ctx.db
    .prepare(
      `UPDATE producers SET name = ?, short_name = ?, phone = ?, address = ?, payout_method = ?, payout_provider = ?, payout_account = ?,
         payout_account_name = ?, notes = ?, updated_at = ? WHERE id = ?`,
    )
    .run(
      next.name,
      next.shortName,
      next.phone,
      next.address,
      next.payoutMethod,
      cash ? '' : next.payoutProvider,
      cash ? '' : next.payoutAccount,
      cash ? '' : next.payoutAccountName,
      next.notes,
      at,
      input.id,
    );
  const after = getProducer(ctx, input.id);
  audit(ctx.db, { at, actorId: actor?.id ?? null, action: 'producer.update', subjectType: 'producer', subjectId: input.id, before, after });
  return after;
}

export const setProducerActive = (ctx: CoreContext, input: MethodParsed<'producers.setActive'>): Producer =>
  setActiveFlag(ctx, 'producer', input, (id) => getProducer(ctx, id));
