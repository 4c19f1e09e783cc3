import { callerStart } from '$lib/server/finder/finder';
import { appContext } from '$lib/server/context';
import type { PageServerLoad } from './$types';

/** The phone's booking page: no login; each booking's own token (kept on the phone) shows it. */
export const load: PageServerLoad = async () => {
	const ctx = await appContext();
	return { ...callerStart(ctx, undefined, 6), graceMinutes: ctx.cfg.BOOKING_GRACE_MINUTES };
};
