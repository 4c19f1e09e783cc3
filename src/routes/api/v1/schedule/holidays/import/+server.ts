import { json } from '@sveltejs/kit';
import { HolidayImportBody } from '$lib/contracts/schedule-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import { applyImport } from '$lib/server/schedule/edit';
import { fromFile } from '$lib/server/schedule/holidays';
import type { RequestHandler } from './$types';

/** Applies a confirmed preview; a manual exception on one of its dates is kept. */
export const POST: RequestHandler = api(async ({ locals, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const body = await readBody(request, HolidayImportBody);
	// The confirmed days are read again as the page reads them: the same checks either way.
	const days = fromFile(JSON.stringify(body.days));
	return json(applyImport(await appContext(), user.id, days, body.source));
});
