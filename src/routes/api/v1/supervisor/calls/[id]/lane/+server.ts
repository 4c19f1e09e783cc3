import { json } from '@sveltejs/kit';
import { LaneBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import { changeLaneAs } from '$lib/server/supervisor/actions';
import type { RequestHandler } from './$types';

/** A supervisor moves a waiting call to another lane. */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const actor = requireRole(locals.user, 'supervisor', 'admin');
	const { lane } = await readBody(request, LaneBody);
	return json(await changeLaneAs(await appContext(), actor, params.id, lane, locals.requestId));
});
