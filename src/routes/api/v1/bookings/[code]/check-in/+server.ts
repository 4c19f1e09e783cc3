import { json } from '@sveltejs/kit';
import { CheckInBody } from '$lib/contracts/bookings-api';
import { checkIn } from '$lib/server/bookings/bookings';
import { bookingCode, bookingToken } from '$lib/server/bookings/edge';
import { appContext } from '$lib/server/context';
import { unauthorized } from '$lib/server/errors';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Checks a booking in at its slot and queues the caller in the appointment lane. */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const token = bookingToken(request);
	const boothId = locals.booth?.id ?? null;
	if (!token && !boothId)
		throw unauthorized('Check in from the phone that booked (X-Booking-Token) or at a booth');
	const body = await readBody(request, CheckInBody);
	const res = await checkIn(await appContext(), bookingCode(params.code), { token, boothId }, body);
	return json(res, { status: 201 });
});
