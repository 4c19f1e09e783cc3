import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { acceptOffer } from '$lib/server/calls/offers';
import type { RequestHandler } from './$types';

/** The agent accepts their offer (at most once; 409 offer_gone after expiry). */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const agent = requireRole(locals.user, 'agent');
	const r = await acceptOffer(await appContext(), agent.id, params.id);
	return json({ callId: r.callId, video: r.video });
});
