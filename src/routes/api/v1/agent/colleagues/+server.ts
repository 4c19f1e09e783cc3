import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { availableColleagues } from '$lib/server/desk/desk';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Colleagues available now, to hand a call to by name. */
export const GET: RequestHandler = api(async ({ locals }) => {
	const agent = requireRole(locals.user, 'agent');
	return json({ agents: await availableColleagues(await appContext(), agent.id) });
});
