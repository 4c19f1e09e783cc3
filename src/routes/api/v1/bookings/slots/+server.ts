import { json } from '@sveltejs/kit';
import { SlotsQuery } from '$lib/contracts/bookings-api';
import { listSlots } from '$lib/server/bookings/bookings';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The slots of a matter in the next days with their capacity and places taken (public). */
export const GET: RequestHandler = api(async ({ url }) => {
	const q = readQuery(url, SlotsQuery);
	return json(listSlots(await appContext(), q));
});
