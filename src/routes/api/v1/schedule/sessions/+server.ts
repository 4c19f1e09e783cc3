import { json } from '@sveltejs/kit';
import { SessionCreateBody } from '$lib/contracts/schedule-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import { sessionsPage } from '$lib/server/schedule/console';
import { saveSession } from '$lib/server/schedule/edit';
import { matterIdsOfDepartment } from '$lib/server/schedule/queries';
import { checkTargets, sessionOf } from '../views';
import type { RequestHandler } from './$types';

/** Every extended session with the number of matters it covers. */
export const GET: RequestHandler = api(async ({ locals }) => {
	requireRole(locals.user, 'scheduler', 'admin');
	const sessions = sessionsPage(await appContext()).map(({ hours: _hours, ...s }) => s);
	return json({ sessions });
});

/** Creates an extended session for the matters given, by id and by department. */
export const POST: RequestHandler = api(async ({ locals, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const { departmentIds, matterIds, ...body } = await readBody(request, SessionCreateBody);
	const ctx = await appContext();
	checkTargets(ctx, { departmentIds });
	const ids = [
		...(matterIds ?? []),
		...(departmentIds ?? []).flatMap((d) => matterIdsOfDepartment(ctx.db, d))
	];
	const row = saveSession(ctx, user.id, null, { ...body, matterIds: ids });
	return json(sessionOf(ctx, row.id), { status: 201 });
});
