import type { AreaHandlers } from '../handlerTypes';
import type { catalogueMethods } from '../../../shared/contract/catalogue';

export const catalogueHandlers: AreaHandlers<keyof typeof catalogueMethods> = {};
