import { json } from '@sveltejs/kit';
import { SummaryQuery } from '$lib/contracts/reports-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import { reportViewer, summary } from '$lib/server/reports/reports';
import type { RequestHandler } from './$types';

/** Figures per department, town, agent or booth for a period (a department head: their own). */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	const user = requireRole(locals.user, 'supervisor', 'admin');
	const q = readQuery(url, SummaryQuery);
	const ctx = await appContext();
	return json(summary(ctx, reportViewer(ctx, user), { ...q, lang: q.lang ?? locals.locale }));
});
