import { json } from '@sveltejs/kit';
import { CapacityRuleBody } from '$lib/contracts/bookings-api';
import { requireRole } from '$lib/server/auth/auth';
import { setCapacityRule } from '$lib/server/bookings/bookings';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** A scheduler sets, or with null clears, a matter group's places per slot in a session or in regular hours. */
export const PUT: RequestHandler = api(async ({ locals, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const body = await readBody(request, CapacityRuleBody);
	return json(setCapacityRule(await appContext(), user.id, body));
});
