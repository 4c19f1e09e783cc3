import { json } from '@sveltejs/kit';
import { TransferBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { transferCall } from '$lib/server/calls/handling';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The agent hands the call on: back to routing at the front of its lane. */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const agent = requireRole(locals.user, 'agent');
	const body = await readBody(request, TransferBody);
	return json(await transferCall(await appContext(), agent.id, params.id, body));
});
