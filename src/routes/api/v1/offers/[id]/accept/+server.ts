import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { acceptPresentCaller } from '$lib/server/calls/presence';
import type { RequestHandler } from './$types';

/** The agent accepts their offer (at most once; 409 offer_gone after expiry, caller_gone when the caller left). */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const agent = requireRole(locals.user, 'agent');
	const r = await acceptPresentCaller(await appContext(), agent.id, params.id);
	return json({ callId: r.callId, video: r.video });
});
