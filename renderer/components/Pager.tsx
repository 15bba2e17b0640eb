/**
 * The one pager of every list (SPEC §11): "1–100 dari 13.050" with previous and
 * next, so nothing is ever cut off without saying so. `usePagedList` keeps the
 * offset, goes back to the first page when the filters change, and loads.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { DEFAULT_PAGE_SIZE, type Page } from '../../shared/contract/paging';
import { call } from '../api';
import { useI18n } from '../i18n';
import { formatCount as count } from './count';


/**
 * `below`: the second pager of a list that has one above and one below it (each landmark needs its own name).
 * `compact`: arrows only, for a narrow column (the producer list at 1024 px); the buttons keep their full names for
 * screen readers and as a tooltip.
 */
export function Pager({ page, onOffset, list, below, compact }: { page: Page<unknown> | null; onOffset(offset: number): void; list: string; below?: boolean; compact?: boolean }) {
  const { t, lang } = useI18n();
  if (!page) return null;
  const first = page.rows.length === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.rows.length;
  return (
    <nav className={compact ? 'pager compact' : 'pager'} aria-label={t(below ? 'pager.navBottom' : 'pager.nav', { list })}>
      <button type="button" disabled={page.offset === 0} aria-label={t('pager.prevOf', { list })} title={compact ? t('pager.prevOf', { list }) : undefined} onClick={() => onOffset(Math.max(0, page.offset - page.limit))}>
        {compact ? '‹' : t('pager.prev')}
      </button>
      <span className="pager-range" role="status">
        {page.total === 0 ? t('pager.empty') : t('pager.range', { first: count(first, lang), last: count(last, lang), total: count(page.total, lang) })}
      </span>
      <button type="button" disabled={last >= page.total} aria-label={t('pager.nextOf', { list })} title={compact ? t('pager.nextOf', { list }) : undefined} onClick={() => onOffset(page.offset + page.limit)}>
        {compact ? '›' : t('pager.next')}
      </button>
    </nav>
  );
}

type PagedMethod = { [M in MethodName]: MethodOutput<M> extends Page<unknown> ? M : never }[MethodName];
type RowOf<M extends PagedMethod> = MethodOutput<M> extends Page<infer R> ? R : never;

/**
 * A paged list: `filters` (without offset/limit) are compared by value, so a new
 * object with the same filters does not reload; `reloadKey` forces a reload.
 */
export function usePagedList<M extends PagedMethod>(
  method: M,
  filters: Omit<MethodInput<M>, 'offset' | 'limit'> | null,
  options: { pageSize?: number; reloadKey?: unknown; onError?(err: unknown): void } = {},
) {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const key = JSON.stringify(filters);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<RowOf<M>> | null>(null);
  const lastKey = useRef(key);
  const onError = useRef(options.onError);
  // The latest handler, without re-running the load when a parent passes a new function.
  useLayoutEffect(() => {
    onError.current = options.onError;
  });
  useEffect(() => {
    if (filters === null) return;
    let from = offset;
    if (lastKey.current !== key) {
      lastKey.current = key;
      if (offset !== 0) {
        setOffset(0);
        return;
      }
      from = 0;
    }
    let live = true;
    call(method, { ...(JSON.parse(key) as object), offset: from, limit: pageSize } as MethodInput<M>)
      .then((p) => live && setPage(p as Page<RowOf<M>>))
      .catch((err) => live && onError.current?.(err));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `filters` by value
  }, [method, key, offset, pageSize, options.reloadKey]);
  return { page, rows: page?.rows ?? null, offset, setOffset };
}
