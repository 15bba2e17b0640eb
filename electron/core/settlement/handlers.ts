import type { AreaHandlers } from '../handlerTypes';
import type { ledgerMethods } from '../../../shared/contract/ledger';
import { verifyLedger } from '../ledger/chain';

export const settlementHandlers: AreaHandlers<keyof typeof ledgerMethods> = {
  'ledger.verify': (input, ctx) => verifyLedger(ctx.db, input.producerId),
};
