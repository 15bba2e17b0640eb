import type { AreaHandlers } from '../handlerTypes';
import type { stockMethods } from '../../../shared/contract/stock';
import { requireManager } from '../staff/approval';
import { createIntake, getIntake, listIntakes } from './intakes';
import { listMovements, listStock } from './onHand';
import { createReturn, getReturn, listReturns } from './returns';
import { createStockCount, getStockCount, listStockCounts } from './counts';
import { expiryReport } from './expiry';
import { verifyStockLevels } from './levels';
import { verifyLotState } from './lotState';
import { stockCsv } from './exportCsv';

export const stockHandlers: AreaHandlers<keyof typeof stockMethods> = {
  'intakes.create': (input, ctx) => createIntake(ctx, input),
  'intakes.get': (input, ctx) => getIntake(ctx, input.id),
  'intakes.list': (input, ctx) => listIntakes(ctx, input),
  'stock.list': (input, ctx) => listStock(ctx, input),
  'stock.movements': (input, ctx) => listMovements(ctx, input),
  'stock.verify': (_input, ctx) => {
    // the levels (0006) and the kept lots on the shelf (0020, issue #14), each against a replay of the movements
    const levels = verifyStockLevels(ctx.db);
    const lots = verifyLotState(ctx.db);
    return { ...levels, ok: levels.ok && lots.ok, lots };
  },
  'returns.create': (input, ctx) => createReturn(ctx, input),
  'returns.get': (input, ctx) => getReturn(ctx, input.id),
  'returns.list': (input, ctx) => listReturns(ctx, input),
  'stockCounts.create': (input, ctx) => {
    const manager = requireManager(ctx, input.approval);
    return createStockCount(ctx, input, manager.id);
  },
  'stockCounts.get': (input, ctx) => getStockCount(ctx, input.id),
  'stockCounts.list': (input, ctx) => listStockCounts(ctx, input),
  'expiry.list': (input, ctx) => expiryReport(ctx, input),
  'export.stockCsv': (input, ctx) => stockCsv(ctx, input.producerId),
};
