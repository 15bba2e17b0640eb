import type { AreaHandlers } from '../handlerTypes';
import type { insightMethods } from '../../../shared/contract/insight';
import { lowStock, producerInsight, reorderList, shopInsight } from './report';

/** What sells and the reorder list (read-only). */
export const insightHandlers: AreaHandlers<keyof typeof insightMethods> = {
  'insight.producer': (input, ctx) => producerInsight(ctx, input),
  'insight.reorder': (input, ctx) => reorderList(ctx, input),
  'insight.shop': (input, ctx) => shopInsight(ctx, input),
  'insight.lowStock': (_input, ctx) => lowStock(ctx),
};
