import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { FOREIGN_AUTH_PATHS, invalidBearerCode } from '$lib/contracts/openapi';
import { boothFromToken, SESSION_COOKIE, validateSession } from '$lib/server/auth/auth';
import { BOOTH_COOKIE } from '$lib/server/booths/cookie';
import { callOfCallerToken } from '$lib/server/calls/access';
import { appContext, closeContext } from '$lib/server/context';
import { flushed } from '$lib/server/db/group-commit';
import { crossSiteRefusal, secureHeaders } from '$lib/server/edge';
import { errorResponse } from '$lib/server/http';
import { DEV_CREDENTIALS_WARNING, usesDevCredentials } from '$lib/server/config';
import { logger } from '$lib/server/logger';
import { startPublishing } from '$lib/server/telemetry';
import { startMallocTrim } from '$lib/server/ops/memory';
import { pickLocale, LOCALE_COOKIE } from '$lib/i18n';

export const init: ServerInit = async () => {
	const ctx = await appContext();
	if (usesDevCredentials(ctx.cfg)) logger.warn(DEV_CREDENTIALS_WARNING);
	// this process's metrics reach /metrics in whichever web process is scraped
	const publishing = startPublishing(ctx.redis, ctx.prefix);
	const trimming = await startMallocTrim();
	// adapter-node emits this once the HTTP server has closed; open connections would keep us alive.
	process.once('sveltekit:shutdown' as 'exit', () => {
		publishing.stop();
		trimming.stop();
		void closeContext(ctx);
	});
};

const requestId: Handle = async ({ event, resolve }) => {
	// a client's request id is kept only when it looks like one (it goes into every log line)
	const given = event.request.headers.get('x-request-id');
	event.locals.requestId = given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
	const started = performance.now();
	const res = await resolve(event);
	// what the response acknowledges is on disk before it is sent (see db/group-commit)
	await flushed((await appContext()).db);
	res.headers.set('x-request-id', event.locals.requestId);
	if (!event.url.pathname.startsWith('/_app')) {
		logger.info(
			{
				requestId: event.locals.requestId,
				method: event.request.method,
				path: event.url.pathname,
				status: res.status,
				ms: Math.round(performance.now() - started)
			},
			'request'
		);
	}
	return res;
};

/** Cross-site requests riding on cookies are refused; every response gets the browser protections. */
const edge: Handle = async ({ event, resolve }) => {
	const refused = crossSiteRefusal(event);
	const res = refused ?? (await resolve(event));
	secureHeaders(res, event, (await appContext()).cfg);
	return res;
};

const identity: Handle = async ({ event, resolve }) => {
	const ctx = await appContext();
	event.locals.user = null;
	event.locals.booth = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const s = validateSession(ctx, token);
		if (s) event.locals.user = s.user;
		else event.cookies.delete(SESSION_COOKIE, { path: '/' });
	}
	const auth = event.request.headers.get('authorization');
	const path = event.url.pathname;
	if (auth?.startsWith('Bearer ') && path.startsWith('/api/')) {
		const bearer = auth.slice(7).trim();
		event.locals.booth = boothFromToken(ctx, bearer);
		// A presented token that is neither a booth's nor a caller's is refused before the
		// request is read: a revoked kiosk must hear 401, not a complaint about its body.
		const apiPath = path.replace(/^\/api\/v1/, '');
		if (!event.locals.booth && !FOREIGN_AUTH_PATHS.includes(apiPath)) {
			if (!bearer || !callOfCallerToken(ctx, bearer)) {
				const code = invalidBearerCode(event.request.method, apiPath);
				return errorResponse(
					401,
					code,
					code === 'invalid_booth_token'
						? "The booth's device token is wrong or revoked"
						: 'The bearer token is wrong or no longer valid'
				);
			}
		}
	}
	// A kiosk that opened /booth?token=… once carries its device token in a cookie.
	const boothCookie = event.cookies.get(BOOTH_COOKIE);
	if (!event.locals.booth && boothCookie) {
		event.locals.booth = boothFromToken(ctx, boothCookie);
		if (!event.locals.booth) event.cookies.delete(BOOTH_COOKIE, { path: '/' });
	}
	return resolve(event);
};

const locale: Handle = async ({ event, resolve }) => {
	event.locals.locale = pickLocale(
		event.cookies.get(LOCALE_COOKIE),
		event.request.headers.get('accept-language')
	);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

/** An API path or method that does not exist answers in the API's error shape, not a page. */
const apiFallback: Handle = async ({ event, resolve }) => {
	const res = await resolve(event);
	if (!event.url.pathname.startsWith('/api/')) return res;
	if (res.headers.get('content-type')?.includes('application/json')) return res;
	if (res.status === 404)
		return errorResponse(404, 'not_found', `No API operation at ${event.url.pathname}`);
	if (res.status === 405) {
		const out = errorResponse(
			405,
			'method_not_allowed',
			`${event.request.method} is not allowed on ${event.url.pathname}`
		);
		const allow = res.headers.get('allow');
		if (allow) out.headers.set('allow', allow);
		return out;
	}
	return res;
};

export const handle = sequence(requestId, edge, identity, apiFallback, locale);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404)
		logger.error(
			{ err: error, requestId: event.locals.requestId, path: event.url.pathname },
			'unhandled'
		);
	return {
		message: status === 404 ? 'Not found' : `Internal error (request ${event.locals.requestId})`
	};
};
