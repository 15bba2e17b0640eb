/**
 * One paging shape for every list (SPEC §11: every list pages, nothing is cut
 * off without saying so). A list method takes `offset` (rows to skip, default 0)
 * and `limit` (page size, default 100, at most 500) next to its filters and
 * answers a `Page<T>`: the rows of that page plus the total of rows matching the
 * filters, so a screen can say "1–100 of 13.050" and page on.
 */
import { z } from 'zod';
import { biMsg } from './define';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

export interface Page<T> {
  rows: T[];
  /** Rows matching the filters, on every page. */
  total: number;
  offset: number;
  limit: number;
}

/** The paging fields of a list method's input, spread into its zod object. */
export const pageFields = (max = MAX_PAGE_SIZE) => ({
  offset: z
    .number({ error: biMsg('Halaman harus berupa angka', 'The page must be a number') })
    .int({ error: biMsg('Halaman harus bilangan bulat', 'The page must be a whole number') })
    .min(0, { error: biMsg('Halaman tidak boleh negatif', 'The page cannot be negative') })
    .optional(),
  limit: z
    .number({ error: biMsg('Ukuran halaman harus berupa angka', 'The page size must be a number') })
    .int({ error: biMsg('Ukuran halaman harus bilangan bulat', 'The page size must be a whole number') })
    .min(1, { error: biMsg('Ukuran halaman paling sedikit 1', 'The page size is at least 1') })
    .max(max, { error: biMsg(`Ukuran halaman paling banyak ${max}`, `The page size is at most ${max}`) })
    .optional(),
});

/** The page asked for, with the defaults filled in. */
export function pageOf(input: { offset?: number; limit?: number }, defaultSize = DEFAULT_PAGE_SIZE): { offset: number; limit: number } {
  return { offset: input.offset ?? 0, limit: input.limit ?? defaultSize };
}

/** A page cut from a list already in memory (small lists: the catalogue, a day's expiry lots). */
export function slicePage<T>(all: T[], input: { offset?: number; limit?: number }, defaultSize = DEFAULT_PAGE_SIZE): Page<T> {
  const { offset, limit } = pageOf(input, defaultSize);
  return { rows: all.slice(offset, offset + limit), total: all.length, offset, limit };
}
