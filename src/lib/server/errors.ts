/** A domain error with a machine code and an HTTP status; routes translate it to the API error shape. */
export class DomainError extends Error {
	constructor(
		public readonly status: number,
		public readonly code: string,
		message: string,
		public readonly extra: Record<string, unknown> = {}
	) {
		super(message);
	}
}

export const badRequest = (message: string, code = 'bad_request', extra = {}) =>
	new DomainError(400, code, message, extra);
export const unauthorized = (message = 'Login required') =>
	new DomainError(401, 'unauthorized', message);
export const forbidden = (message = 'You do not have permission to do this') =>
	new DomainError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new DomainError(404, 'not_found', message);
export const conflict = (code: string, message: string, extra = {}) =>
	new DomainError(409, code, message, extra);
export const tooMany = (message: string, retryAfterSeconds: number) =>
	new DomainError(429, 'rate_limited', message, { retryAfterSeconds });
export const unavailable = (code: string, message: string, retryAfterSeconds = 5) =>
	new DomainError(503, code, message, { retryAfterSeconds });
/** Redis (live state, queues) cannot be reached: nothing was changed; try again shortly. */
export const serviceUnavailable = () =>
	unavailable(
		'service_unavailable',
		'The service is briefly unavailable (live state cannot be reached); nothing was changed. Try again in a few seconds.'
	);
