import { json } from '@sveltejs/kit';
import { RosterBody, RosterQuery } from '$lib/contracts/schedule-api';
import { refreshOnlineFields } from '$lib/server/agents/state';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody, readId, readQuery } from '$lib/server/http';
import { setRoster } from '$lib/server/schedule/roster';
import { rosterOf } from '../../../views';
import type { RequestHandler } from './$types';

/** The seats of a language schedule's hours on each date in `from`…`to` it has hours on. */
export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	requireRole(locals.user, 'scheduler', 'admin');
	const id = readId(params.id, 'schedule id');
	const { from, to } = readQuery(url, RosterQuery);
	return json(rosterOf(await appContext(), { kind: 'language', id }, from, to));
});

/** Sets the seats of a language schedule's hours on a date, and on the same weekday for `repeatWeeks` more weeks. */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const id = readId(params.id, 'schedule id');
	const body = await readBody(request, RosterBody);
	const ctx = await appContext();
	const saved = setRoster(ctx, user.id, { ...body, target: { kind: 'language', id } });
	await refreshOnlineFields(ctx);
	return json(saved);
});
