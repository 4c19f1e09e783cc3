import { json } from '@sveltejs/kit';
import { ScheduleCreateBody } from '$lib/contracts/schedule-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import { saveSchedule } from '$lib/server/schedule/edit';
import { checkTargets, scheduleList, scheduleOf } from '../views';
import type { RequestHandler } from './$types';

/** Every named schedule with what it is assigned to, the default first. */
export const GET: RequestHandler = api(async ({ locals }) => {
	requireRole(locals.user, 'scheduler', 'admin');
	return json({ schedules: scheduleList(await appContext()) });
});

/** Creates a named schedule (and, when given, what follows it). */
export const POST: RequestHandler = api(async ({ locals, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const body = await readBody(request, ScheduleCreateBody);
	const ctx = await appContext();
	checkTargets(ctx, body.assign);
	const row = saveSchedule(ctx, user.id, null, body);
	return json(scheduleOf(ctx, row.id), { status: 201 });
});
