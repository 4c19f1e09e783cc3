import { json } from '@sveltejs/kit';
import { HoursBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import { getHours, putHours } from '$lib/server/schedule/schedule';
import type { RequestHandler } from './$types';

/** The weekly service hours. */
export const GET: RequestHandler = api(async ({ locals }) => {
	requireRole(locals.user, 'scheduler', 'admin');
	return json(getHours((await appContext()).db));
});

/** Replaces the weekly service hours (next call onwards). */
export const PUT: RequestHandler = api(async ({ locals, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const body = await readBody(request, HoursBody);
	return json(putHours(await appContext(), user.id, body));
});
