import type { CoreContext } from '../context';

/** The signed-in staff member acting, for the audit row. */
export const actingStaffId = (ctx: CoreContext): number | null => ctx.actor?.id ?? null;
