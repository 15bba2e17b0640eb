import type { AreaHandlers } from '../handlerTypes';
import type { ledgerMethods } from '../../../shared/contract/ledger';
import { verifyLedger } from '../ledger/chain';
import { checkKeptBalances } from '../ledger/keptBalances';
import { withSalesJournal } from '../journal/verifyAll';
import { readSettings } from '../settings';
import { toLocalDate } from '../../../shared/domain/time';
import { nowOf, periodRule } from './common';
import { adjust, balances, chainCodeOf, deduct, findCode } from './ledgerOps';
import { statement, statementCsv, statementLines } from './statement';
import { periodInfo, preview, recentPeriods } from './preview';
import { finalize } from './finalize';
import { listSettlements, owed } from './summaries';
import { settlementDetail } from './detail';
import { whatsappText } from './whatsapp';
import { waitingWeeks } from './waiting';
import { createPayout, listPayouts } from './payouts';

const today = (ctx: { now(): Date; timeZone(): string }) => toLocalDate(ctx.now(), ctx.timeZone());

export const settlementHandlers: AreaHandlers<keyof typeof ledgerMethods> = {
  'ledger.verify': (input, ctx) => {
    const ledger = verifyLedger(ctx.db, input.producerId, (done, total) => ctx.job.progress('hashing', done, total));
    const chains = withSalesJournal(ctx.db, ledger, input.producerId, (done, total) => ctx.job.progress('journal', done, total));
    const problems = checkKeptBalances(ctx.db, input.producerId);
    return { ...chains, ok: chains.ok && problems.length === 0, keptSums: { ok: problems.length === 0, problems } };
  },
  'ledger.deduct': (input, ctx) => deduct(ctx, input),
  'ledger.adjust': (input, ctx) => adjust(ctx, input),
  'ledger.statement': (input, ctx) => statement(ctx.db, periodRule(ctx.db), ctx.now(), input),
  'ledger.statementLines': (input, ctx) => statementLines(ctx.db, periodRule(ctx.db), ctx.now(), input),
  'ledger.statementCsv': (input, ctx) => statementCsv(ctx.db, periodRule(ctx.db), ctx.now(), input, (done, total) => ctx.job.progress('rows', done, total)),
  'ledger.balances': (_input, ctx) => balances(ctx.db),
  'ledger.chainCode': (input, ctx) => chainCodeOf(ctx.db, input.producerId),
  'ledger.findCode': (input, ctx) => findCode(ctx.db, input.producerId, input.code),
  'settlements.period': (input, ctx) => {
    const rule = periodRule(ctx.db);
    return {
      ...periodInfo(ctx.db, nowOf(ctx), rule, input.periodEnd),
      recent: recentPeriods(ctx.db, nowOf(ctx), rule),
      waiting: waitingWeeks(ctx.db, nowOf(ctx), today(ctx), rule).map(({ producers, ...w }) => ({ ...w, producerCount: producers.length })),
    };
  },
  'settlements.preview': (input, ctx) => preview(ctx.db, nowOf(ctx), periodRule(ctx.db), input.periodEnd),
  'settlements.finalize': (input, ctx) => finalize(ctx, input),
  'settlements.list': (input, ctx) => listSettlements(ctx.db, input, today(ctx), periodRule(ctx.db)),
  'settlements.get': (input, ctx) => settlementDetail(ctx.db, nowOf(ctx), periodRule(ctx.db), input.id, input.payoutId),
  'settlements.whatsappText': (input, ctx) => ({
    text: whatsappText(settlementDetail(ctx.db, nowOf(ctx), periodRule(ctx.db), input.id, input.payoutId), readSettings(ctx.db).language),
  }),
  'settlements.owed': (_input, ctx) => owed(ctx.db, nowOf(ctx), today(ctx), periodRule(ctx.db)),
  'payouts.create': (input, ctx) => createPayout(ctx, input),
  'payouts.list': (input, ctx) => listPayouts(ctx.db, input),
};
