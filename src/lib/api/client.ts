import type { BodyOf, ParamsOf, QueryOf, ResponseOf, Route } from './endpoints';

/** What went wrong with a request, in the contract's words (`status` 0: the server was not reached). */
export interface ApiError {
	code: string;
	message: string;
	status: number;
	/** Extra fields of the error body (e.g. `opensAt` of `closed`, `retryAfterSeconds` of a 429). */
	details: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiError };

type Options<R extends Route> = ([keyof ParamsOf<R>] extends [never]
	? { params?: undefined }
	: { params: ParamsOf<R> }) &
	([BodyOf<R>] extends [never] ? { body?: undefined } : { body: BodyOf<R> }) & {
		query?: [QueryOf<R>] extends [never] ? undefined : QueryOf<R>;
		/** A caller's bearer token (booths authenticate by cookie, staff by session). */
		token?: string | null;
		/** A booking's holder token (`X-Booking-Token`). */
		bookingToken?: string | null;
		signal?: AbortSignal;
	};

/** Optional when the operation needs neither parameters nor a body. */
type Args<R extends Route> = [keyof ParamsOf<R>] extends [never]
	? [BodyOf<R>] extends [never]
		? [opts?: Options<R>]
		: [opts: Options<R>]
	: [opts: Options<R>];

/** Builds the URL of an operation: path parameters filled in, query appended. */
export function urlOf(
	route: Route,
	params?: Record<string, string | number>,
	query?: Record<string, unknown>
): string {
	const path = route.slice(route.indexOf(' ') + 1).replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = params?.[name];
		if (value === undefined) throw new Error(`${route}: missing path parameter ${name}`);
		return encodeURIComponent(String(value));
	});
	const qs = new URLSearchParams();
	for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) qs.set(k, String(v));
	const q = qs.toString();
	return `/api/v1${path}${q ? `?${q}` : ''}`;
}

/** Reads a failed response as the contract's `{error:{code,message}}`, whatever came back. */
export async function errorOf(res: Response): Promise<ApiError> {
	const body: unknown = await res.json().catch(() => null);
	const e = (body as { error?: Record<string, unknown> } | null)?.error;
	if (e && typeof e.code === 'string') {
		const { code, message, ...details } = e;
		return {
			code,
			message: typeof message === 'string' ? message : '',
			status: res.status,
			details
		};
	}
	return { code: String(res.status), message: res.statusText, status: res.status, details: {} };
}

/**
 * Calls one /api/v1 operation. Never throws for HTTP or network failures: the result says
 * whether it worked and, if not, carries the contract's error for the UI to show.
 */
export async function api<R extends Route>(
	route: R,
	...[opts]: Args<R>
): Promise<ApiResult<ResponseOf<R>>> {
	const o = (opts ?? {}) as {
		params?: Record<string, string | number>;
		body?: unknown;
		query?: Record<string, unknown>;
		token?: string | null;
		bookingToken?: string | null;
		signal?: AbortSignal;
	};
	const method = route.slice(0, route.indexOf(' '));
	const headers: Record<string, string> = {};
	if (o.body !== undefined) headers['content-type'] = 'application/json';
	if (o.token) headers.authorization = `Bearer ${o.token}`;
	if (o.bookingToken) headers['x-booking-token'] = o.bookingToken;
	let res: Response;
	try {
		res = await fetch(urlOf(route, o.params, o.query), {
			method,
			headers,
			body: o.body === undefined ? undefined : JSON.stringify(o.body),
			signal: o.signal
		});
	} catch (e) {
		const aborted = e instanceof DOMException && e.name === 'AbortError';
		return {
			ok: false,
			error: {
				code: aborted ? 'aborted' : 'network',
				message: e instanceof Error ? e.message : String(e),
				status: 0,
				details: {}
			}
		};
	}
	if (!res.ok) return { ok: false, error: await errorOf(res) };
	const text = res.status === 204 ? '' : await res.text();
	let data: unknown = undefined;
	if (text) {
		try {
			data = JSON.parse(text);
		} catch {
			return {
				ok: false,
				error: { code: 'bad_response', message: 'not JSON', status: res.status, details: {} }
			};
		}
	}
	return { ok: true, status: res.status, data: data as ResponseOf<R> };
}
