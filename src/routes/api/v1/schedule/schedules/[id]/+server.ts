import { json } from '@sveltejs/kit';
import { ScheduleUpdateBody, VersionQuery } from '$lib/contracts/schedule-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody, readId, readQuery } from '$lib/server/http';
import { deleteSchedule, saveSchedule } from '$lib/server/schedule/edit';
import { checkTargets, scheduleOf } from '../../views';
import type { RequestHandler } from './$types';

/** Updates a schedule; a stale `version` is 409 `version_conflict`. */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const id = readId(params.id, 'schedule id');
	const body = await readBody(request, ScheduleUpdateBody);
	const ctx = await appContext();
	checkTargets(ctx, body.assign);
	saveSchedule(ctx, user.id, id, body);
	return json(scheduleOf(ctx, id));
});

/** Deletes a schedule (never the default); what followed it falls back to the default. */
export const DELETE: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const id = readId(params.id, 'schedule id');
	const { version } = readQuery(url, VersionQuery);
	deleteSchedule(await appContext(), user.id, id, version);
	return new Response(null, { status: 204 });
});
