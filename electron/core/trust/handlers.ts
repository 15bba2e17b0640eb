import type { AreaHandlers } from '../handlerTypes';
import type { trustMethods } from '../../../shared/contract/trust';

export const trustHandlers: AreaHandlers<keyof typeof trustMethods> = {};
