import { json } from '@sveltejs/kit';
import { SupervisorScopeBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody, readId } from '$lib/server/http';
import { setScope, storedScope } from '$lib/server/supervisor/scope';
import type { RequestHandler } from './$types';

/** The departments and towns a supervisor oversees. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	requireRole(locals.user, 'admin');
	const id = readId(params.id, 'supervisor id');
	return json({ id, ...storedScope(await appContext(), id) });
});

/** An admin sets them (both empty: the whole district). */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const admin = requireRole(locals.user, 'admin');
	const id = readId(params.id, 'supervisor id');
	const body = await readBody(request, SupervisorScopeBody);
	return json(setScope(await appContext(), admin.id, id, body));
});
