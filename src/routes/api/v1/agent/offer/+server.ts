import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { currentOffer } from '$lib/server/calls/offers';
import type { RequestHandler } from './$types';

/** The agent's pending offer, or 204 when there is none. */
export const GET: RequestHandler = api(async ({ locals }) => {
	const agent = requireRole(locals.user, 'agent');
	const offer = await currentOffer(await appContext(), agent.id);
	return offer ? json(offer) : new Response(null, { status: 204 });
});
