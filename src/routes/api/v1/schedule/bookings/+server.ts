import { json } from '@sveltejs/kit';
import { StaffSlotsQuery } from '$lib/contracts/bookings-api';
import { requireRole } from '$lib/server/auth/auth';
import { staffSlots } from '$lib/server/bookings/bookings';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The slots of a matter group with capacity, seats and each slot's bookings (staff). */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	requireRole(locals.user, 'scheduler', 'supervisor', 'admin');
	return json(staffSlots(await appContext(), readQuery(url, StaffSlotsQuery)));
});
