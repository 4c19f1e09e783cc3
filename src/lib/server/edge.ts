import type { RequestEvent } from '@sveltejs/kit';
import type { Config } from './config';
import { errorResponse } from './http';

/**
 * What every response carries, and what every request must be, before any route sees it: the
 * browser's protections (headers) and the refusal of cross-site requests that ride on cookies.
 */

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Origins LiveKit is reached at from the browser (its signalling socket and its HTTP API). */
function livekitOrigins(url: string): string[] {
	try {
		const u = new URL(url);
		const secure = u.protocol === 'wss:' || u.protocol === 'https:';
		return [`${secure ? 'wss' : 'ws'}://${u.host}`, `${secure ? 'https' : 'http'}://${u.host}`];
	} catch {
		return [];
	}
}

/** Content types a page on another site can send without asking (a plain HTML form). */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/**
 * A mutation from another site is refused (403 `cross_origin`) when it rides on the browser's
 * cookies or is a plain form post (a login form on another site included): the browser says
 * where a request comes from in `Origin` (every POST, PUT, PATCH and DELETE) or
 * `Sec-Fetch-Site`. A request with a bearer token carries no ambient authority and passes.
 * Null when the request may go on.
 */
export function crossSiteRefusal(event: RequestEvent): Response | null {
	const { request, url } = event;
	if (!MUTATIONS.has(request.method)) return null;
	if (request.headers.get('authorization')?.startsWith('Bearer ')) return null;
	const ambient =
		!!request.headers.get('cookie') || FORM_TYPES.test(request.headers.get('content-type') ?? '');
	if (!ambient) return null;
	const origin = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	const foreign =
		origin !== null
			? origin !== url.origin
			: site !== null && site !== 'same-origin' && site !== 'none';
	if (!foreign) return null;
	const message = 'A request from another site may not act with your login';
	if (url.pathname.startsWith('/api/')) return errorResponse(403, 'cross_origin', message);
	return new Response(message, {
		status: 403,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}

/**
 * The browser protections every response carries: the page's Content-Security-Policy (set by
 * SvelteKit with a nonce for its own scripts, here widened to the LiveKit server only), a
 * locked-down one for the API, no framing, no sniffing, no referrer to other sites, camera and microphone for
 * this origin only, and HSTS when the console is served over https.
 */
export function secureHeaders(res: Response, event: RequestEvent, cfg: Config): void {
	const h = res.headers;
	const csp = h.get('content-security-policy');
	if (csp) {
		const extra = livekitOrigins(cfg.LIVEKIT_URL).join(' ');
		h.set(
			'content-security-policy',
			csp.replace("connect-src 'self'", `connect-src 'self' ${extra}`)
		);
	} else if (!event.url.pathname.startsWith('/_app/')) {
		h.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
	}
	h.set('x-content-type-options', 'nosniff');
	h.set('x-frame-options', 'DENY');
	// nothing leaves for other sites (URLs may carry a booth or caller token); same-origin requests
	// keep their Origin, which the cross-site check reads
	h.set('referrer-policy', 'same-origin');
	h.set('cross-origin-opener-policy', 'same-origin');
	h.set(
		'permissions-policy',
		'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=(), serial=()'
	);
	const origin = cfg.ORIGIN ?? event.url.origin;
	if (origin.startsWith('https://'))
		h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
}
