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

/** The largest JSON body an API operation reads (the adapter's BODY_SIZE_LIMIT bounds all). */
export const MAX_JSON_BYTES = 256 * 1024;

const tooLarge = (limit: number) =>
	new DomainError(413, 'body_too_large', `The request body is larger than ${limit} bytes`);

/** True for an error the adapter raised because a body went over its size limit. */
function isTooLarge(e: unknown): boolean {
	return (e as { status?: number } | null)?.status === 413;
}

/**
 * A request body as text, at most `limit` bytes of valid UTF-8: 413 `body_too_large` beyond
 * (by the declared length, before anything is read), 400 `invalid_utf8` for broken text.
 */
export async function readText(request: Request, limit: number): Promise<string> {
	const declared = Number(request.headers.get('content-length') ?? '');
	if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
	let buf: ArrayBuffer;
	try {
		buf = await request.arrayBuffer();
	} catch (e) {
		if (isTooLarge(e)) throw tooLarge(limit);
		throw badRequest('the request body could not be read', 'invalid_json');
	}
	if (buf.byteLength > limit) throw tooLarge(limit);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(buf);
	} catch {
		throw badRequest('the request body is not valid UTF-8 text', 'invalid_utf8');
	}
}

/**
 * Parses a JSON request body against a schema: 415 unless it is sent as JSON, 413 over
 * MAX_JSON_BYTES, 400 with what is wrong otherwise.
 */
export async function readBody<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<z.infer<S>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type))
		throw new DomainError(
			415,
			'unsupported_media_type',
			'The request body must be JSON, sent with Content-Type: application/json'
		);
	const text = await readText(request, MAX_JSON_BYTES);
	let raw: unknown;
	try {
		raw = JSON.parse(text);
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
			if (isTooLarge(e))
				return errorResponse(413, 'body_too_large', 'The request body is too large');
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

/** A positive integer id from a path parameter, decimal digits only; 400 naming what it is otherwise. */
export function readId(raw: string, what = 'id', code = 'bad_request'): number {
	if (!/^[1-9]\d{0,14}$/.test(raw)) throw badRequest(`${what} must be a positive integer`, code);
	return Number(raw);
}
