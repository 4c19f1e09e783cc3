import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/auth';
import { whisperToken } from '$lib/server/calls/monitor';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** A token for the call's whisper room: the agent listens, the whispering supervisor speaks. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const user = requireRole(locals.user, 'agent', 'supervisor', 'admin');
	return json(await whisperToken(await appContext(), params.id, user));
});
