import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { audit } from '../audit';

/**
 * Switches a producer or product on or off: nothing happens when it already is, otherwise the flag and
 * `updated_at` change and the audit log keeps who did it and the flag before and after.
 */
export function setActiveFlag<T extends { active: boolean }>(
  ctx: CoreContext,
  subject: 'producer' | 'product',
  input: { id: number; active: boolean },
  read: (id: number) => T,
  /** Runs before the change, only when the flag really changes (e.g. a check that may refuse it). */
  check?: (before: T) => void,
): T {
  const actor = ctx.actor;
  const before = read(input.id);
  if (before.active === input.active) return before;
  check?.(before);
  const at = nowIso(ctx);
  const table = subject === 'producer' ? 'producers' : 'products';
  ctx.db.prepare(`UPDATE ${table} SET active = ?, updated_at = ? WHERE id = ?`).run(input.active ? 1 : 0, at, input.id);
  const after = read(input.id);
  audit(ctx.db, {
    at,
    actorId: actor?.id ?? null,
    action: `${subject}.${input.active ? 'activate' : 'deactivate'}`,
    subjectType: subject,
    subjectId: input.id,
    before: { active: before.active },
    after: { active: after.active },
  });
  return after;
}
