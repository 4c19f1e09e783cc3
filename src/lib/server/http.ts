import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { badRequest, DomainError, serviceUnavailable } from './errors';
import { logger } from './logger';
import { isRedisUnavailable } from './redis';

/** Turns zod issues into one readable sentence naming each bad field. */
export function describeIssues(issues: z.core.$ZodIssue[]): string {
	return issues
		.slice(0, 5)
		.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
		.join('; ');
}

/** Parses a JSON request body against a schema; throws 400 with what is wrong. */
export async function readBody<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<z.infer<S>> {
	let raw: unknown;
	try {
		raw = await request.json();
	} catch {
		throw badRequest('request body must be valid JSON', 'invalid_json');
	}
	const r = schema.safeParse(raw);
	if (!r.success) throw badRequest(describeIssues(r.error.issues), 'validation_failed');
	return r.data;
}

/** Parses URL search parameters against a schema; throws 400 with what is wrong. */
export function readQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
	const r = schema.safeParse(Object.fromEntries(url.searchParams));
	if (!r.success) throw badRequest(describeIssues(r.error.issues), 'validation_failed');
	return r.data;
}

/** The API error body of the contract. */
export function errorResponse(
	status: number,
	code: string,
	message: string,
	extra: Record<string, unknown> = {}
) {
	return json({ error: { code, message, ...extra } }, { status });
}

/** Wraps an API handler: domain errors become the contract's error shape; others are logged as 500. */
export function api<E extends RequestEvent>(fn: (event: E) => Promise<Response> | Response) {
	return async (event: E): Promise<Response> => {
		try {
			return await fn(event);
		} catch (thrown) {
			// Redis away is an outage the client can wait out, not a server bug.
			const outage = !(thrown instanceof DomainError) && isRedisUnavailable(thrown);
			if (outage)
				logger.warn(
					{ err: thrown, requestId: event.locals.requestId, path: event.url.pathname },
					'redis unavailable'
				);
			const e = outage ? serviceUnavailable() : thrown;
			if (e instanceof DomainError) {
				const res = errorResponse(e.status, e.code, e.message, e.extra);
				if (
					(e.status === 429 || e.status === 503) &&
					typeof e.extra.retryAfterSeconds === 'number'
				) {
					res.headers.set('retry-after', String(e.extra.retryAfterSeconds));
				}
				return res;
			}
			logger.error(
				{ err: e, requestId: event.locals.requestId, path: event.url.pathname },
				'api failure'
			);
			return errorResponse(
				500,
				'internal',
				'Something went wrong on the server; the request id is ' + event.locals.requestId
			);
		}
	};
}

/** A positive integer id from a path parameter; 400 naming what it is otherwise. */
export function readId(raw: string, what = 'id'): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id <= 0) throw badRequest(`${what} must be a positive integer`);
	return id;
}
