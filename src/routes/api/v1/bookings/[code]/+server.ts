import { json } from '@sveltejs/kit';
import { cancelBooking, viewBooking } from '$lib/server/bookings/bookings';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { bookingCode, holderToken } from '$lib/server/bookings/edge';
import type { RequestHandler } from './$types';

/** The booking as its holder (the `X-Booking-Token` of the device that booked) sees it. */
export const GET: RequestHandler = api(async ({ params, request }) => {
	const token = holderToken(request);
	return json(viewBooking(await appContext(), bookingCode(params.code), token));
});

/** The holder cancels the booking; its place is free again. */
export const DELETE: RequestHandler = api(async ({ params, request }) => {
	const token = holderToken(request);
	return json(cancelBooking(await appContext(), bookingCode(params.code), token));
});
