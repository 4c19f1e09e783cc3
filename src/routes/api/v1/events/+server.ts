import { requireRole } from '$lib/server/auth/auth';
import { bearerOf, callOfCallerToken } from '$lib/server/calls/access';
import { appContext } from '$lib/server/context';
import { tooMany, unauthorized } from '$lib/server/errors';
import { api } from '$lib/server/http';
import { touchPresence } from '$lib/server/agents/presence';
import { touchCaller } from '$lib/server/calls/presence';
import { eventStream } from '$lib/server/realtime/sse';
import { streamSlots } from '$lib/server/realtime/slots';
import { scopeFilter } from '$lib/server/supervisor/scope';
import type { RequestHandler } from './$types';

/**
 * Server-Sent Events. Staff see events for themselves and their roles (a supervisor only those
 * of their scope); a caller (callerToken query parameter or bearer token) sees only their own
 * call's events.
 */
export const GET: RequestHandler = api(async ({ locals, request, url, getClientAddress }) => {
	const ctx = await appContext();
	const lastEventId = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId');
	let callId: string | null = null;
	if (!locals.user) {
		const token = url.searchParams.get('callerToken') ?? bearerOf(request);
		callId = token ? callOfCallerToken(ctx, token) : null;
		if (!callId) throw unauthorized('Login or a caller token required');
	}
	const user = locals.user
		? requireRole(locals.user, 'agent', 'supervisor', 'scheduler', 'admin')
		: null;
	// a login (or a caller's call) and an address may each hold only so many streams
	const release = streamSlots.claim([
		[user ? `user:${user.id}` : `call:${callId}`, ctx.cfg.SSE_MAX_PER_SESSION],
		[`addr:${getClientAddress()}`, ctx.cfg.SSE_MAX_PER_ADDRESS]
	]);
	if (!release) throw tooMany('Too many event streams are open for this login or network', 30);
	const common = { signal: request.signal, lastEventId, onClose: release };
	if (!user) {
		// Opening (or reopening) the stream counts as the caller being there; its pings do not.
		await touchCaller(ctx, callId!);
		return eventStream(ctx, { ...common, listener: { callId: callId! } });
	}
	return eventStream(ctx, {
		...common,
		listener: { userId: user.id, roles: user.roles },
		accept: scopeFilter(ctx, user),
		onBeat: () => touchPresence(ctx, user.id)
	});
});
