import type { AreaHandlers } from '../handlerTypes';
import type { exportMethods } from '../../../shared/contract/exports';
import { prepareCsvExport, streamCsvExport } from './csvStream';

export const exportHandlers: AreaHandlers<keyof typeof exportMethods> = {
  'export.prepare': (input, ctx) => prepareCsvExport(ctx, input),
  'export.stream': (input, ctx) => streamCsvExport(ctx, input),
};
