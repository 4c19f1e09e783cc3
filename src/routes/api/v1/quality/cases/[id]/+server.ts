import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readId } from '$lib/server/http';
import { caseFor } from '$lib/server/quality/quality';
import type { RequestHandler } from './$types';

/** One case: the call's facts (masked), its outcome, rating and steps. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const user = requireRole(locals.user, 'agent', 'supervisor', 'admin');
	return json(caseFor(await appContext(), user, readId(params.id)));
});
