/**
 * The representative part of the history goes through the app's own core:
 * one contract call per event, with a settable clock, exactly as the till,
 * the stock screens and the settlement screen would call it.
 */
import type { Core } from '../../electron/core/app';
import { contract, isMethodName } from '../../shared/contract';
import { buildHandlers } from '../../electron/core/handlers';
import type { PayoutReq, RefundReq, SaleReq, SettlementMade, Sink } from './sink';
import { iso, localDateOf } from './sink';
import type { StaffIds } from './catalogue';

export const CORE_GROUPS = {
  till: ['shifts.open', 'shifts.close', 'shifts.xReport', 'sales.create', 'sales.void', 'sales.refund'],
  stock: ['intakes.create', 'returns.create', 'stockCounts.create'],
  settlement: ['settlements.finalize', 'payouts.create'],
} as const;

let handlerNames: Set<string> | null = null;
/** Whether the core has a handler for a method (the areas are written in parallel). */
export function coreHas(method: string): boolean {
  if (!handlerNames) handlerNames = new Set(Object.keys(buildHandlers({ 'system.status': () => ({}) as never, 'jobs.cancel': () => ({ cancelled: false }), 'system.acknowledgeChecks': () => ({}) as never })));
  return handlerNames.has(method);
}

export const missingOf = (methods: readonly string[]) => methods.filter((m) => !coreHas(m));

export class CoreSink implements Sink {
  readonly kind = 'core' as const;
  calls = 0;
  constructor(
    private readonly core: Core,
    private readonly setNow: (ms: number) => void,
    private readonly staff: StaffIds,
    /** stock events are skipped (and said so) when the stock area has no handlers yet */
    private readonly withStock: boolean,
  ) {}

  private get approval() {
    return { staffId: this.staff.managerId, pin: this.staff.managerPin };
  }

  /** Sessions per staff member (SPEC §5): the till's calls as the shift's cashier, the rest as the manager. */
  private sessions = new Map<number, string>();
  private signIn(staffId: number): string {
    const reply = this.core.call('auth.signIn', { staffId, pin: this.pinOf(staffId) });
    if (!reply.ok) throw new Error(`sign-in of staff ${staffId} refused: ${reply.error.message}`);
    const id = (reply.value as { sessionId: string }).sessionId;
    this.sessions.set(staffId, id);
    return id;
  }
  private actor = 0;

  private call<T>(at: number, method: string, input: unknown, who?: number): T {
    const manager = isMethodName(method) && contract[method].access === 'manager';
    const actorId = who ?? (manager ? this.staff.managerId : this.actor || this.staff.managerId);
    this.setNow(at);
    this.calls++;
    let reply = this.core.call(method, input, { sessionId: this.sessions.get(actorId) ?? this.signIn(actorId) });
    // Days pass between a shop's events: an idle session ended, sign in again (as the cashier would).
    if (!reply.ok && reply.error.code === 'UNAUTHENTICATED') reply = this.core.call(method, input, { sessionId: this.signIn(actorId) });
    if (!reply.ok) throw new Error(`${method} at ${iso(at)} refused: ${reply.error.code} ${reply.error.message}\n${JSON.stringify(input).slice(0, 400)}`);
    return reply.value as T;
  }

  begin(): void {}
  flush(): void {}

  private pins = new Map<number, string>();
  private pinOf(staffId: number): string {
    if (!this.pins.size) for (const c of this.staff.cashiers) this.pins.set(c.id, c.pin);
    return this.pins.get(staffId) ?? this.staff.managerPin;
  }

  openShift(at: number, cashierId: number, openingFloat: number): number {
    this.actor = cashierId;
    return this.call<{ id: number }>(at, 'shifts.open', { openingFloat }).id;
  }

  closeShift(shiftId: number, at: number, cashierId: number): void {
    const x = this.call<{ expectedCash: number }>(at, 'shifts.xReport', { shiftId });
    this.call(at, 'shifts.close', { shiftId, countedCash: Math.max(0, x.expectedCash) }, cashierId);
    this.actor = 0;
  }

  sale(req: SaleReq): { lineIds: number[] } {
    const sale = this.call<{ lines: { id: number; lineNo: number }[] }>(req.at, 'sales.create', {
      id: req.id,
      shiftId: req.shiftId,
      lines: req.lines.map((l) => (l.discount ? l : { productId: l.productId, quantity: l.quantity })),
      payment: req.payment,
    });
    return { lineIds: [...sale.lines].sort((a, b) => a.lineNo - b.lineNo).map((l) => l.id) };
  }

  voidSale(saleId: string, at: number, _shiftId: number, reason: string): void {
    this.call(at, 'sales.void', { saleId, reason, approval: this.approval });
  }

  refund(req: RefundReq): void {
    this.call(req.at, 'sales.refund', { id: req.id, saleId: req.saleId, lines: req.lines, restock: req.restock, method: req.method, reason: req.reason, approval: this.approval });
  }

  intake(producerId: number, at: number, lines: { productId: number; quantity: number; expiryDate?: string }[]): void {
    if (!this.withStock) return;
    for (let i = 0; i < lines.length; i += 200)
      this.call(at, 'intakes.create', { producerId, lines: lines.slice(i, i + 200), deliveredBy: 'produsen' }, this.staff.managerId);
  }

  returnGoods(producerId: number, at: number, lines: { productId: number; quantity: number; reason: 'unsold' | 'expired' | 'damaged' }[]): void {
    if (!this.withStock) return;
    this.call(at, 'returns.create', { producerId, lines: lines.slice(0, 200), receivedBy: 'produsen' }, this.staff.managerId);
  }

  count(at: number, lines: { productId: number; expected: number; counted: number; reason: string }[]): void {
    if (!this.withStock) return;
    this.call(at, 'stockCounts.create', {
      lines: lines.map((l) => ({ productId: l.productId, counted: l.counted, ...(l.reason ? { reason: l.reason } : {}) })),
      approval: this.approval,
    });
  }

  finalize(periodEnd: number, at: number): SettlementMade[] {
    const out = this.call<unknown>(at, 'settlements.finalize', finalizeInput(periodEnd, this.approval));
    return settlementsFrom(out);
  }

  payout(req: PayoutReq, at: number): void {
    this.call(at, 'payouts.create', {
      id: req.id,
      settlementId: req.settlementId,
      amount: req.amount,
      method: req.method,
      ...(req.reference ? { reference: req.reference } : {}),
      receiverName: req.receiverName,
      approval: this.approval,
    });
  }
}

/** The input of settlements.finalize for the period ending at `periodEnd` (SETTLEMENT's contract). */
export function finalizeInput(periodEnd: number, approval: { staffId: number; pin: string }): unknown {
  // The period's last local day (Sunday): the period ends at its 24:00.
  return { periodEnd: localDateOf(periodEnd - 1), approval };
}

/** The settlements a finalize made, from its answer. */
export function settlementsFrom(out: unknown): SettlementMade[] {
  const list = (Array.isArray(out) ? out : ((out as { settlements?: unknown[] }).settlements ?? [])) as Record<string, unknown>[];
  return list.map((s) => ({
    settlementId: Number(s.id ?? s.settlementId),
    producerId: Number(s.producerId ?? (s.producer as { id: number } | undefined)?.id),
    totalDue: Number(s.totalDue),
    dueDate: String(s.dueDate),
  }));
}
