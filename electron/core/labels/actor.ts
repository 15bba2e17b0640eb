import type { CoreContext } from '../context';

/** The signed-in staff member acting, for the audit row (null where the core has no session). */
export const actingStaffId = (ctx: CoreContext): number | null =>
  (ctx as CoreContext & { actor?: { id: number } | null }).actor?.id ?? null;
