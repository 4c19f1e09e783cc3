import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { declineOffer } from '$lib/server/calls/offers';
import type { RequestHandler } from './$types';

/** The agent declines their offer: the call goes back to its place for someone else. */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const agent = requireRole(locals.user, 'agent');
	await declineOffer(await appContext(), agent.id, params.id);
	return json({ offerId: params.id, status: 'declined' });
});
