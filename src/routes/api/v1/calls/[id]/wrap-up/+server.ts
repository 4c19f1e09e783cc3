import { json } from '@sveltejs/kit';
import { WrapUpBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { wrapUp } from '$lib/server/calls/handling';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The agent records the outcome; the call ends and the agent is freed. */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const agent = requireRole(locals.user, 'agent');
	const body = await readBody(request, WrapUpBody);
	return json(await wrapUp(await appContext(), agent.id, params.id, body));
});
