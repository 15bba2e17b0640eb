import type { AreaHandlers } from '../handlerTypes';
import type { stockMethods } from '../../../shared/contract/stock';

export const stockHandlers: AreaHandlers<keyof typeof stockMethods> = {};
