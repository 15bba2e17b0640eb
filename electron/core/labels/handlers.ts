import type { AreaHandlers } from '../handlerTypes';
import type { labelMethods } from '../../../shared/contract/labels';
import { assignBarcode, assignBarcodes } from './barcodes';
import { buildLabels } from './build';

export const labelHandlers: AreaHandlers<keyof typeof labelMethods> = {
  'products.assignBarcode': (input, ctx) => assignBarcode(ctx, input.productId),
  'products.assignBarcodes': (_input, ctx) => assignBarcodes(ctx),
  'labels.build': (input, ctx) => buildLabels(ctx, input),
};
