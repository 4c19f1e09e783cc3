import { json } from '@sveltejs/kit';
import { BookingBody } from '$lib/contracts/caller-api';
import { bookSlot } from '$lib/server/booths/bookings';
import { limitMobileCall } from '$lib/server/calls/limits';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Books the next free slot for a matter (booth token, or anonymous like a mobile call). */
export const POST: RequestHandler = api(async ({ locals, request, getClientAddress }) => {
	const ctx = await appContext();
	const body = await readBody(request, BookingBody);
	if (!locals.booth) await limitMobileCall(ctx, getClientAddress());
	return json(bookSlot(ctx, { matterId: body.matterId, boothId: locals.booth?.id ?? null }), {
		status: 201
	});
});
