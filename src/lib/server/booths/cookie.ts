import type { Cookies } from '@sveltejs/kit';

/** The kiosk's device token, kept in an httpOnly cookie after the device opened /booth?token=… once. */
export const BOOTH_COOKIE = 'cw_booth';

/** Stores the booth token: httpOnly, SameSite=Strict (only the kiosk's own pages send it). */
export function setBoothCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(BOOTH_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		maxAge: 365 * 24 * 3600
	});
}
