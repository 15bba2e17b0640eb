import type { MethodName, MethodOutput, MethodParsed } from '../../shared/contract';
import type { CoreContext } from './context';

export type Handler<M extends MethodName> = (input: MethodParsed<M>, ctx: CoreContext) => MethodOutput<M>;

/** The full handler table: one handler per contract method, no more, no less. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** An area's part of the table, e.g. `AreaHandlers<'producers.create' | 'producers.update'>`. */
export type AreaHandlers<M extends MethodName> = { [K in M]: Handler<K> };
