import { json } from '@sveltejs/kit';
import { CaseStepBody } from '$lib/contracts/quality-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody, readId } from '$lib/server/http';
import { recordStepAs } from '$lib/server/quality/quality';
import type { RequestHandler } from './$types';

/** Records the next step of a case (in order; a closed case is read-only). */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const user = requireRole(locals.user, 'agent', 'supervisor', 'admin');
	const id = readId(params.id);
	const body = await readBody(request, CaseStepBody);
	return json(recordStepAs(await appContext(), user, id, body, locals.requestId));
});
