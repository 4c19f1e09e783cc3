import { badRequest, unauthorized } from '../errors';

/** The header carrying the secret of the device that made a booking. */
export const BOOKING_TOKEN_HEADER = 'x-booking-token';

/** A booking code from a path: 4–16 letters and digits (dashes and spaces ignored); 400 otherwise. */
export function bookingCode(raw: string): string {
	const code = raw.trim().toUpperCase().replace(/[\s-]/g, '');
	if (!/^[A-Z0-9]{4,16}$/.test(code))
		throw badRequest('A booking code is 4–16 letters and digits', 'invalid_code');
	return code;
}

/** The booking token of a request, or null. */
export function bookingToken(request: Request): string | null {
	const t = request.headers.get(BOOKING_TOKEN_HEADER)?.trim();
	return t && t.length <= 128 ? t : null;
}

/** The booking token of a request; 401 without one. */
export function holderToken(request: Request): string {
	const t = bookingToken(request);
	if (!t) throw unauthorized('Send the booking token (X-Booking-Token) of the device that booked');
	return t;
}
