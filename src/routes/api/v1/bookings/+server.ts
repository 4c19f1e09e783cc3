import { json } from '@sveltejs/kit';
import { BookingBody } from '$lib/contracts/bookings-api';
import { book } from '$lib/server/bookings/bookings';
import { limitMobileCall } from '$lib/server/calls/limits';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Books a place in a slot (or the first free one): a booth (its token) or anonymous. */
export const POST: RequestHandler = api(async ({ locals, request, getClientAddress }) => {
	const ctx = await appContext();
	const body = await readBody(request, BookingBody);
	if (!locals.booth) await limitMobileCall(ctx, getClientAddress());
	return json(book(ctx, { ...body, boothId: locals.booth?.id ?? null }), { status: 201 });
});
