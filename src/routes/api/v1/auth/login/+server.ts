import { json } from '@sveltejs/kit';
import { LoginBody } from '$lib/contracts/api';
import { homeFor, login } from '$lib/server/auth/auth';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ request, cookies, url, getClientAddress }) => {
	const body = await readBody(request, LoginBody);
	const res = await login(await appContext(), { ...body, ip: getClientAddress() });
	setSessionCookie(cookies, url, res.token, res.expiresAt);
	return json({ user: res.user, home: homeFor(res.user) });
});
