import { json } from '@sveltejs/kit';
import { RosterBody, RosterQuery } from '$lib/contracts/schedule-api';
import { refreshOnlineFields } from '$lib/server/agents/state';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody, readId, readQuery } from '$lib/server/http';
import { setRoster } from '$lib/server/schedule/roster';
import { rosterOf } from '../../../views';
import type { RequestHandler } from './$types';

/** The seats of a session on each of its dates in `from`…`to`, and the seats that may be rostered. */
export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	requireRole(locals.user, 'scheduler', 'admin');
	const id = readId(params.id, 'session id');
	const { from, to } = readQuery(url, RosterQuery);
	return json(rosterOf(await appContext(), { kind: 'session', id }, from, to));
});

/** Sets the seats of the session on a date, and on the same weekday for `repeatWeeks` more weeks. */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const sessionId = readId(params.id, 'session id');
	const body = await readBody(request, RosterBody);
	const ctx = await appContext();
	const saved = setRoster(ctx, user.id, { ...body, sessionId });
	await refreshOnlineFields(ctx);
	return json(saved);
});
