import { redirect } from '@sveltejs/kit';
import { boothFromToken } from '$lib/server/auth/auth';
import { setBoothCookie } from '$lib/server/booths/cookie';
import { callerStart } from '$lib/server/finder/finder';
import { callerSessionSettings } from '$lib/server/calls/presence';
import { appContext } from '$lib/server/context';
import type { PageServerLoad } from './$types';

/**
 * The kiosk. A device opens /booth?token=… once: the token is checked, kept in an httpOnly
 * cookie and removed from the address bar; later visits authenticate from the cookie.
 */
export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const ctx = await appContext();
	const token = url.searchParams.get('token');
	if (token) {
		if (boothFromToken(ctx, token)) {
			setBoothCookie(cookies, url, token);
			redirect(303, '/booth');
		}
		return { booth: null };
	}
	if (!locals.booth) return { booth: null };
	return {
		booth: { id: locals.booth.id, name: locals.booth.name },
		...callerStart(ctx, locals.booth.id, 8),
		disinfectSeconds: ctx.cfg.BOOTH_DISINFECT_SECONDS,
		bookingOfferWait: ctx.cfg.BOOKING_OFFER_WAIT_SECONDS,
		session: callerSessionSettings(ctx)
	};
};
