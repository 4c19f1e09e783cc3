import { redirect } from '@sveltejs/kit';
import { logout, SESSION_COOKIE } from '$lib/server/auth/auth';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { appContext } from '$lib/server/context';
import type { RequestHandler } from './$types';

/** Ends the session (POST only: a link cannot log someone out). */
export const POST: RequestHandler = async ({ cookies }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token) logout(await appContext(), token);
	clearSessionCookie(cookies);
	redirect(303, '/login');
};
