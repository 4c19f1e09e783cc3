import { logout, SESSION_COOKIE } from '$lib/server/auth/auth';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ cookies }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token) logout(await appContext(), token);
	clearSessionCookie(cookies);
	return new Response(null, { status: 204 });
});
