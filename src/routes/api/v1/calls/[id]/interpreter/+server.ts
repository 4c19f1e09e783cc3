import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { leaveInterpreting, requestInterpreter } from '$lib/server/calls/interpreter';
import type { RequestHandler } from './$types';

/** The call's agent asks for a sign-language interpreter in the same room. */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const agent = requireRole(locals.user, 'agent');
	return json(await requestInterpreter(await appContext(), agent.id, params.id));
});

/** The interpreter leaves the call, or the call's agent releases them. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const agent = requireRole(locals.user, 'agent');
	return json(await leaveInterpreting(await appContext(), agent.id, params.id));
});
