import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { sharedWallBody } from '$lib/server/supervisor/shared';
import type { RequestHandler } from './$types';

/** The supervisor wall's snapshot as this supervisor's scope shows it (also what the wall reloads after a resync). */
export const GET: RequestHandler = api(async ({ locals }) => {
	const user = requireRole(locals.user, 'supervisor', 'admin');
	return new Response(await sharedWallBody(await appContext(), user), {
		headers: { 'content-type': 'application/json' }
	});
});
