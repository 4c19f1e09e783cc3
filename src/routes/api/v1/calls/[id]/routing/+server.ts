import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { explainCall } from '$lib/server/calls/explain';
import type { RequestHandler } from './$types';

/** Why a call went to its agent or why it still waits. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const user = requireRole(locals.user, 'supervisor', 'admin', 'agent');
	return json(await explainCall(await appContext(), user, params.id));
});
