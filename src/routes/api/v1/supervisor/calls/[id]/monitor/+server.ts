import { json } from '@sveltejs/kit';
import { MonitorBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import { monitorCallAs } from '$lib/server/supervisor/actions';
import type { RequestHandler } from './$types';

/** A supervisor joins a live call's video, listening or speaking. */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const actor = requireRole(locals.user, 'supervisor', 'admin');
	const { mode } = await readBody(request, MonitorBody);
	return json(await monitorCallAs(await appContext(), actor, params.id, mode, locals.requestId));
});
