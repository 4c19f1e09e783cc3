import type { Cookies } from '@sveltejs/kit';
import type { Ctx } from '../context';
import { logout, SESSION_COOKIE } from './auth';

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure whenever the site is served over https. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

/**
 * Starts a browser's new session after a login: the session it held before (if any) is ended
 * on the server, not just replaced in the cookie, so one login leaves one session.
 */
export function startSession(
	ctx: Ctx,
	cookies: Cookies,
	url: URL,
	session: { token: string; expiresAt: Date }
): void {
	const previous = cookies.get(SESSION_COOKIE);
	if (previous && previous !== session.token) logout(ctx, previous);
	setSessionCookie(cookies, url, session.token, session.expiresAt);
}

/** Removes the session cookie. */
export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
