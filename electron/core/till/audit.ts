import type { MethodParsed } from '../../../shared/contract';
import type { AuditEntry } from '../../../shared/contract/till';
import { addDays, localToInstant } from '../../../shared/domain/time';
import type { CoreContext } from '../context';
import type { Page } from '../../../shared/contract/paging';
import { pagedRows } from '../paging';

interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  before_json: string | null;
  after_json: string | null;
  reason: string;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** The audit log, newest first, with the actors' names. `action` matches exactly or as a prefix (`sale.` = every sale action). */
export function listAudit(input: MethodParsed<'audit.list'>, ctx: CoreContext): Page<AuditEntry> {
  const tz = ctx.timeZone();
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (input.from) { where.push('a.at >= ?'); args.push(localToInstant(input.from, tz)); }
  if (input.to) { where.push('a.at < ?'); args.push(localToInstant(addDays(input.to, 1), tz)); }
  if (input.action) {
    where.push("(a.action = ? OR (substr(?, -1) = '.' AND a.action LIKE ? ESCAPE '\\'))");
    args.push(input.action, input.action, `${input.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const query = {
    select: 'a.id, a.at, a.actor_id, st.name AS actor_name, a.action, a.subject_type, a.subject_id, a.before_json, a.after_json, a.reason',
    from: 'audit_log a LEFT JOIN staff st ON st.id = a.actor_id',
    countFrom: 'audit_log a',
    where,
    args,
    orderBy: 'a.at DESC, a.id DESC',
  };
  return pagedRows<AuditRow, AuditEntry>(ctx.db, query, input, (r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    before: parse(r.before_json),
    after: parse(r.after_json),
    reason: r.reason,
  }));
}
