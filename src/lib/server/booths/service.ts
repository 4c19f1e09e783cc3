import type { Ctx } from '../context';
import { serviceAt } from '../schedule/schedule';

/**
 * Whether callers can be served now (regular hours or weekend-extended hours), and if not when
 * service next opens: what a booth's out-of-hours screen and the mobile page show.
 */
export function serviceStatus(
	ctx: Ctx,
	now = Date.now()
): { open: boolean; opensAt: string | null } {
	return serviceAt(ctx, now);
}
