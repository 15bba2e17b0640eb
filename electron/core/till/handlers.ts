import type { AreaHandlers } from '../handlerTypes';
import type { tillMethods } from '../../../shared/contract/till';

export const tillHandlers: AreaHandlers<keyof typeof tillMethods> = {};
