import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { endCall } from '$lib/server/calls/handling';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The agent holding the call ends the conversation (→ wrap_up). */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const agent = requireRole(locals.user, 'agent');
	return json(await endCall(await appContext(), agent.id, params.id));
});
