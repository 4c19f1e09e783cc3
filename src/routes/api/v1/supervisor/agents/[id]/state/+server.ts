import { json } from '@sveltejs/kit';
import { SupervisorAgentStateBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody, readId } from '$lib/server/http';
import { setAgentStateAs } from '$lib/server/supervisor/actions';
import type { RequestHandler } from './$types';

/** A supervisor sets an agent's state with a reason; the agent's desk shows who did. */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const actor = requireRole(locals.user, 'supervisor', 'admin');
	const body = await readBody(request, SupervisorAgentStateBody);
	const agentId = readId(params.id, 'agent id');
	return json(await setAgentStateAs(await appContext(), actor, agentId, body, locals.requestId));
});
