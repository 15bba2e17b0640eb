import type { AreaHandlers } from '../handlerTypes';
import type { trustMethods } from '../../../shared/contract/trust';
import { trustProducer, trustReport } from './report';
import { trustCsv } from './csv';

/** The trust ledger report (read-only). */
export const trustHandlers: AreaHandlers<keyof typeof trustMethods> = {
  'reports.trust': (input, ctx) => trustReport(ctx, input),
  'reports.trustProducer': (input, ctx) => trustProducer(ctx, input),
  'reports.trustCsv': (input, ctx) => trustCsv(ctx, input),
};
