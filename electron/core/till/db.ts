import type Database from 'better-sqlite3';

/*
 * Prepared statements, compiled once per open database and kept for its life
 * (the till's hot path, sales.create, must not recompile SQL on every call).
 * Keyed by the SQL text itself, so a statement is written where it is used.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function sql(db: Database.Database, text: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = db.prepare(text)));
  return stmt;
}
