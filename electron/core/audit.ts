import type Database from 'better-sqlite3';

export interface AuditRecord {
  at: string;
  actorId: number | null;
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

/** Writes one audit-log row inside the caller's transaction. */
export function audit(db: Database.Database, r: AuditRecord): void {
  db.prepare(
    `INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, before_json, after_json, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.at,
    r.actorId,
    r.action,
    r.subjectType ?? '',
    r.subjectId === undefined ? '' : String(r.subjectId),
    r.before === undefined ? null : JSON.stringify(r.before),
    r.after === undefined ? null : JSON.stringify(r.after),
    r.reason ?? '',
  );
}
