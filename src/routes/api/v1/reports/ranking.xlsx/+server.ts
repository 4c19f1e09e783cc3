import { RankingQuery } from '$lib/contracts/reports-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import { download } from '$lib/server/reports/download';
import { rankingTable } from '$lib/server/reports/export';
import { reportViewer, ranking } from '$lib/server/reports/reports';
import type { RequestHandler } from './$types';

/** The quarterly ranking as XLSX, headers in Chinese unless English is asked for (`lang`, or the UI's language). */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	const user = requireRole(locals.user, 'supervisor', 'admin');
	const q = readQuery(url, RankingQuery);
	const ctx = await appContext();
	const lang = q.lang ?? locals.locale;
	const r = ranking(ctx, reportViewer(ctx, user), { ...q, lang });
	return download(rankingTable(r), 'xlsx', `ranking-${r.of}-${r.quarter}`, lang);
});
