import { json } from '@sveltejs/kit';
import { HolidayPreviewBody } from '$lib/contracts/schedule-api';
import { requireRole } from '$lib/server/auth/auth';
import { api, readBody } from '$lib/server/http';
import { fromFile, fromPackage } from '$lib/server/schedule/holidays';
import type { RequestHandler } from './$types';

/** The holidays and make-up days an import would add: from the package's year, or a file's text. Changes nothing. */
export const POST: RequestHandler = api(async ({ locals, request }) => {
	requireRole(locals.user, 'scheduler', 'admin');
	const body = await readBody(request, HolidayPreviewBody);
	if (body.year !== undefined)
		return json({ source: `chinese-days:${body.year}`, days: fromPackage(body.year) });
	return json({
		source: `file:${(body.filename ?? 'upload').slice(0, 60)}`,
		days: fromFile(body.file!)
	});
});
