import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { todayCalls } from '$lib/server/desk/desk';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The agent's own calls today. */
export const GET: RequestHandler = api(async ({ locals }) => {
	const agent = requireRole(locals.user, 'agent');
	return json({ calls: todayCalls(await appContext(), agent.id) });
});
