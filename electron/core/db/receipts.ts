import type Database from 'better-sqlite3';

/** The last receipt number handed out (0 before the first sale): one row of `sequences`, never a scan. */
export function lastReceiptNo(db: Database.Database): number {
  try {
    const row = db.prepare("SELECT next_value FROM sequences WHERE name = 'receipt'").get() as { next_value: number } | undefined;
    return row ? row.next_value - 1 : 0;
  } catch {
    return 0; // no schema yet
  }
}
