import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { wallSnapshot } from '$lib/server/supervisor/wall';
import type { RequestHandler } from './$types';

/** The supervisor wall's snapshot (also what the wall reloads after a resync). */
export const GET: RequestHandler = api(async ({ locals }) => {
	requireRole(locals.user, 'supervisor', 'admin');
	return json(await wallSnapshot(await appContext()));
});
