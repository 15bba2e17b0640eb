/**
 * Every row of a paged list, for the few callers that need the whole set (the
 * till's product tiles and code lookup, a dropdown of producers): it asks page
 * after page of the largest size until it holds the total the core reported, so
 * nothing is cut off without saying so (SPEC §11), and no screen shows these
 * lists whole: screens page them with the Pager.
 */
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract';
import { MAX_PAGE_SIZE, type Page } from '../shared/contract/paging';
import { call } from './api';

type PagedMethod = { [M in MethodName]: MethodOutput<M> extends Page<unknown> ? M : never }[MethodName];
type RowOf<M extends PagedMethod> = MethodOutput<M> extends Page<infer R> ? R : never;

export async function allPages<M extends PagedMethod>(method: M, filters: Omit<MethodInput<M>, 'offset' | 'limit'>): Promise<RowOf<M>[]> {
  const rows: RowOf<M>[] = [];
  for (;;) {
    const page = (await call(method, { ...filters, offset: rows.length, limit: MAX_PAGE_SIZE } as MethodInput<M>)) as Page<RowOf<M>>;
    rows.push(...page.rows);
    // A page shorter than asked, or the total reached: done (the total may shrink if rows go away meanwhile).
    if (page.rows.length < MAX_PAGE_SIZE || rows.length >= page.total) return rows;
  }
}
