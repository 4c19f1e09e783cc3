import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { listExceptions } from '$lib/server/schedule/schedule';
import type { RequestHandler } from './$types';

/** Holidays and make-up workdays. */
export const GET: RequestHandler = api(async ({ locals }) => {
	requireRole(locals.user, 'scheduler', 'admin');
	return json({ exceptions: listExceptions((await appContext()).db) });
});
