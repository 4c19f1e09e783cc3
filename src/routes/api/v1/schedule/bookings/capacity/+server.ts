import { json } from '@sveltejs/kit';
import { CapacityBody } from '$lib/contracts/bookings-api';
import { requireRole } from '$lib/server/auth/auth';
import { setCapacity } from '$lib/server/bookings/bookings';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** A scheduler sets, or with null clears, the capacity of one slot of a matter group. */
export const PUT: RequestHandler = api(async ({ locals, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const body = await readBody(request, CapacityBody);
	return json(setCapacity(await appContext(), user.id, body));
});
