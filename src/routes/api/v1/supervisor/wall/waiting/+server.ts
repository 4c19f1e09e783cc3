import { json } from '@sveltejs/kit';
import { WallWaitingQuery } from '$lib/contracts/supervisor-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import { waitingPageFor } from '$lib/server/supervisor/wall';
import type { RequestHandler } from './$types';

/** A page of the waiting calls (all, or one queue's), beyond what the snapshot lists. */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	const user = requireRole(locals.user, 'supervisor', 'admin');
	const query = readQuery(url, WallWaitingQuery);
	return json(await waitingPageFor(await appContext(), user, query));
});
