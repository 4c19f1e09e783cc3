import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { heartbeat } from '$lib/server/agents/state';
import type { RequestHandler } from './$types';

/** Keeps the agent counted as connected (for consoles without an open event stream). */
export const POST: RequestHandler = api(async ({ locals }) => {
	const agent = requireRole(locals.user, 'agent');
	await heartbeat(await appContext(), agent.id);
	return new Response(null, { status: 204 });
});
