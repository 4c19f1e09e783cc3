import { json } from '@sveltejs/kit';
import { NotesBody } from '$lib/contracts/agent-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { saveNotes } from '$lib/server/desk/desk';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The call's agent saves working notes (autosaved by the console). */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const agent = requireRole(locals.user, 'agent');
	const body = await readBody(request, NotesBody);
	return json(saveNotes(await appContext(), agent.id, params.id, body.notes));
});
