import { json } from '@sveltejs/kit';
import { CopyWeekBody } from '$lib/contracts/schedule-api';
import { refreshOnlineFields } from '$lib/server/agents/state';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import { copyWeek } from '$lib/server/schedule/roster';
import type { RequestHandler } from './$types';

/** Copies every session's roster of the week starting `from` onto the week starting `to`. */
export const POST: RequestHandler = api(async ({ locals, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const body = await readBody(request, CopyWeekBody);
	const ctx = await appContext();
	const result = copyWeek(ctx, user.id, body.from, body.to);
	await refreshOnlineFields(ctx);
	return json(result);
});
