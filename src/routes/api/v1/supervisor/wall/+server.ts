import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { wallFor } from '$lib/server/supervisor/wall';
import type { RequestHandler } from './$types';

/** The supervisor wall's snapshot (also what the wall reloads after a resync). */
export const GET: RequestHandler = api(async ({ locals }) => {
	const user = requireRole(locals.user, 'supervisor', 'admin');
	return json(await wallFor(await appContext(), user));
});
