import { json } from '@sveltejs/kit';
import { AgentStateBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import { agentState } from '$lib/server/agents/state';
import { setAgentState } from '$lib/server/calls/seats';
import type { RequestHandler } from './$types';

/** The agent's current state. */
export const GET: RequestHandler = api(async ({ locals }) => {
	const agent = requireRole(locals.user, 'agent');
	return json({ state: await agentState(await appContext(), agent.id) });
});

/** The agent sets available, break or offline (busy and wrap_up follow the call). */
export const PUT: RequestHandler = api(async ({ locals, request }) => {
	const agent = requireRole(locals.user, 'agent');
	const body = await readBody(request, AgentStateBody);
	return json(await setAgentState(await appContext(), agent.id, body.state, body.reason));
});
