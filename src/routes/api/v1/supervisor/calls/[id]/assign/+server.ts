import { json } from '@sveltejs/kit';
import { AssignCallBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import { assignCallAs } from '$lib/server/supervisor/actions';
import type { RequestHandler } from './$types';

/** A supervisor offers a waiting call to a named available agent (override: a seat lacking a requirement). */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const actor = requireRole(locals.user, 'supervisor', 'admin');
	const body = await readBody(request, AssignCallBody);
	return json(await assignCallAs(await appContext(), actor, params.id, body, locals.requestId));
});
