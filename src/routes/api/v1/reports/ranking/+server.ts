import { json } from '@sveltejs/kit';
import { RankingQuery } from '$lib/contracts/reports-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import { ranking, reportViewer } from '$lib/server/reports/reports';
import type { RequestHandler } from './$types';

/** The quarterly ranking of departments or towns by composite score (a department head: their row). */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	const user = requireRole(locals.user, 'supervisor', 'admin');
	const q = readQuery(url, RankingQuery);
	const ctx = await appContext();
	return json(ranking(ctx, reportViewer(ctx, user), { ...q, lang: q.lang ?? locals.locale }));
});
