import { json } from '@sveltejs/kit';
import { LoginBody } from '$lib/contracts/api';
import { homeFor, login } from '$lib/server/auth/auth';
import { startSession } from '$lib/server/auth/cookies';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ request, cookies, url, getClientAddress }) => {
	const body = await readBody(request, LoginBody);
	const ctx = await appContext();
	const res = await login(ctx, { ...body, ip: getClientAddress() });
	startSession(ctx, cookies, url, res);
	return json({ user: res.user, home: homeFor(res.user) });
});
