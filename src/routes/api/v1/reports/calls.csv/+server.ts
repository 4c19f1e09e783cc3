import { PeriodQuery } from '$lib/contracts/reports-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import { callsCsv } from '$lib/server/reports/export';
import { periodOf, reportViewer } from '$lib/server/reports/reports';
import type { RequestHandler } from './$types';

/** Every call of a period as CSV, streamed (a department head: their departments' calls). */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	const user = requireRole(locals.user, 'supervisor', 'admin');
	const q = readQuery(url, PeriodQuery);
	const ctx = await appContext();
	const p = periodOf(q);
	const body = callsCsv(ctx, reportViewer(ctx, user), p, q.lang ?? locals.locale);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="calls-${p.from}-${p.to}.csv"`
		}
	});
});
