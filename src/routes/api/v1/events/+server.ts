import { requireRole } from '$lib/server/auth/auth';
import { bearerOf, callOfCallerToken } from '$lib/server/calls/access';
import { appContext } from '$lib/server/context';
import { unauthorized } from '$lib/server/errors';
import { api } from '$lib/server/http';
import { touchPresence } from '$lib/server/agents/presence';
import { eventStream } from '$lib/server/realtime/sse';
import { scopeFilter } from '$lib/server/supervisor/scope';
import type { RequestHandler } from './$types';

/**
 * Server-Sent Events. Staff see events for themselves and their roles (a supervisor only those
 * of their scope); a caller (callerToken query parameter or bearer token) sees only their own
 * call's events.
 */
export const GET: RequestHandler = api(async ({ locals, request, url }) => {
	const ctx = await appContext();
	const lastEventId = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId');
	if (!locals.user) {
		const token = url.searchParams.get('callerToken') ?? bearerOf(request);
		const callId = token ? callOfCallerToken(ctx, token) : null;
		if (!callId) throw unauthorized('Login or a caller token required');
		return eventStream(ctx, { listener: { callId }, lastEventId });
	}
	const user = requireRole(locals.user, 'agent', 'supervisor', 'scheduler', 'admin');
	return eventStream(ctx, {
		listener: { userId: user.id, roles: user.roles },
		accept: scopeFilter(ctx, user),
		lastEventId,
		onBeat: () => touchPresence(ctx, user.id)
	});
});
