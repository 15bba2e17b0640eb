/**
 * The canonical encoding of a producer-ledger entry for its hash chain:
 * `hash = SHA-256(prevHash + canonicalEntry(entry))`, hex. The encoding is a
 * JSON array in a fixed field order, so the same entry always hashes the same
 * in every runtime. Changing this function breaks every existing chain: never
 * change it; add a version instead.
 */
export const LEDGER_KINDS = ['sale', 'refund', 'shrinkage', 'deduction', 'adjustment', 'payout'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** The previous hash of a producer's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  producerId: number;
  seq: number;
  kind: LedgerKind;
  amount: number;
  occurredAt: string;
  refType: string;
  refId: string;
  productId: number | null;
  quantity: number | null;
  reason: string;
  createdBy: number | null;
}

export function canonicalEntry(e: ChainedFields): string {
  return JSON.stringify([
    'v1',
    e.producerId,
    e.seq,
    e.kind,
    e.amount,
    e.occurredAt,
    e.refType,
    e.refId,
    e.productId,
    e.quantity,
    e.reason,
    e.createdBy,
  ]);
}

/** The short code printed on slips: the first 12 hex digits of the chain head. */
export const chainCode = (head: string) => head.slice(0, 12).toUpperCase();
