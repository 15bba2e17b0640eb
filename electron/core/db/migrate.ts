import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Where the numbered SQL files live: next to the sources in development, in resources when packaged. */
export function defaultMigrationsDir(): string {
  const candidates = [
    process.env.UKM_MART_MIGRATIONS_DIR,
    // dist/node/electron/core/db -> project root
    path.resolve(__dirname, '../../../../../migrations'),
    // electron/core/db (vitest, tsx) -> project root
    path.resolve(__dirname, '../../../migrations'),
    (process as { resourcesPath?: string }).resourcesPath
      ? path.join((process as { resourcesPath?: string }).resourcesPath!, 'migrations')
      : undefined,
  ].filter((p): p is string => typeof p === 'string');
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, '0001_init.sql'))) return dir;
  }
  throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
}

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f));
  const migrations = files
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]!.version === m.version) throw new Error(`two migrations numbered ${m.version}`);
  });
  return migrations;
}

export const latestVersion = (migrations: Migration[]) => migrations.at(-1)?.version ?? 0;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export class DatabaseFromTheFutureError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`The database is at schema version ${found}, newer than this app knows (${known}). It was not modified.`);
    this.name = 'DatabaseFromTheFutureError';
  }
}

/**
 * Applies pending migrations in order, each inside a transaction together
 * with its record in `schema_migrations` and `user_version`. A database newer
 * than the app is refused before anything is written.
 */
export function migrate(db: Database.Database, migrations: Migration[] = loadMigrations()): number[] {
  const current = schemaVersion(db);
  const known = latestVersion(migrations);
  if (current > known) throw new DatabaseFromTheFutureError(current, known);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
