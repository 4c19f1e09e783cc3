import { callerStart } from '$lib/server/finder/finder';
import { callerSessionSettings } from '$lib/server/calls/presence';
import { appContext } from '$lib/server/context';
import type { PageServerLoad } from './$types';

/** The phone page: no login; the call's own caller token authenticates it. */
export const load: PageServerLoad = async () => {
	const ctx = await appContext();
	return {
		...callerStart(ctx, undefined, 6),
		bookingOfferWait: ctx.cfg.BOOKING_OFFER_WAIT_SECONDS,
		session: callerSessionSettings(ctx)
	};
};
