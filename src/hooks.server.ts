import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { boothFromToken, SESSION_COOKIE, validateSession } from '$lib/server/auth/auth';
import { BOOTH_COOKIE } from '$lib/server/booths/cookie';
import { appContext, closeContext } from '$lib/server/context';
import { flushed } from '$lib/server/db/group-commit';
import { logger } from '$lib/server/logger';
import { pickLocale, LOCALE_COOKIE } from '$lib/i18n';

export const init: ServerInit = async () => {
	const ctx = await appContext();
	// adapter-node emits this once the HTTP server has closed; open connections would keep us alive.
	process.once('sveltekit:shutdown' as 'exit', () => void closeContext(ctx));
};

const requestId: Handle = async ({ event, resolve }) => {
	event.locals.requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
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
	if (auth?.startsWith('Bearer ') && event.url.pathname.startsWith('/api/')) {
		event.locals.booth = boothFromToken(ctx, auth.slice(7).trim());
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

export const handle = sequence(requestId, identity, locale);

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
