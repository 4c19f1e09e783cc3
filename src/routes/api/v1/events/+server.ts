import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { touchPresence } from '$lib/server/realtime/presence';
import { eventStream } from '$lib/server/realtime/sse';
import type { RequestHandler } from './$types';

/** Server-Sent Events for staff: each sees events for themselves and their roles. */
export const GET: RequestHandler = api(async ({ locals, request, url }) => {
	const user = requireRole(locals.user, 'agent', 'supervisor', 'scheduler', 'admin');
	const ctx = await appContext();
	return eventStream(ctx, {
		listener: { userId: user.id, roles: user.roles },
		lastEventId: request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId'),
		onBeat: () => touchPresence(ctx, user.id)
	});
});
