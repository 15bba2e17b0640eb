import type { AreaHandlers } from '../handlerTypes';
import type { catalogueMethods } from '../../../shared/contract/catalogue';
import { requireManager } from '../staff/approval';
import { createProducer, getProducer, listProducers, setProducerActive, updateProducer } from './producers';
import { createProduct, getProduct, listProducts, setProductActive, updateProduct } from './products';
import { lookupProduct } from './lookup';
import { changeTerms } from './termsChange';
import { termsHistory } from './termsRows';
import { catalogueCsv } from './exportCsv';

export const catalogueHandlers: AreaHandlers<keyof typeof catalogueMethods> = {
  'producers.create': (input, ctx) => createProducer(ctx, input),
  'producers.update': (input, ctx) => updateProducer(ctx, input),
  'producers.get': (input, ctx) => getProducer(ctx, input.id),
  'producers.list': (input, ctx) => listProducers(ctx, input),
  'producers.setActive': (input, ctx) => setProducerActive(ctx, input),
  'products.create': (input, ctx) => createProduct(ctx, input),
  'products.update': (input, ctx) => updateProduct(ctx, input),
  'products.get': (input, ctx) => getProduct(ctx, input.id),
  'products.list': (input, ctx) => listProducts(ctx, input),
  'products.setActive': (input, ctx) => setProductActive(ctx, input),
  'products.lookup': (input, ctx) => lookupProduct(ctx, input.code),
  'terms.change': (input, ctx) => {
    const manager = requireManager(ctx, input.approval);
    getProduct(ctx, input.productId);
    return changeTerms(ctx, input, manager.id);
  },
  'terms.history': (input, ctx) => {
    getProduct(ctx, input.productId);
    return termsHistory(ctx.db, input.productId);
  },
  'export.catalogueCsv': (input, ctx) => catalogueCsv(ctx, input.includeInactive ?? false),
};
