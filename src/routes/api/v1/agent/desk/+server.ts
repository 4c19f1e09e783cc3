import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { deskSnapshot } from '$lib/server/desk/desk';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The agent's desk at a glance (also the snapshot a console reloads after a resync). */
export const GET: RequestHandler = api(async ({ locals }) => {
	const agent = requireRole(locals.user, 'agent');
	return json(await deskSnapshot(await appContext(), agent.id));
});
