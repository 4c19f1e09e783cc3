import { SummaryQuery } from '$lib/contracts/reports-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import { download } from '$lib/server/reports/download';
import { summaryTable } from '$lib/server/reports/export';
import { reportViewer, summary } from '$lib/server/reports/reports';
import type { RequestHandler } from './$types';

/** The summary as CSV, headers in Chinese unless English is asked for (`lang`, or the UI's language). */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	const user = requireRole(locals.user, 'supervisor', 'admin');
	const q = readQuery(url, SummaryQuery);
	const ctx = await appContext();
	const lang = q.lang ?? locals.locale;
	const r = summary(ctx, reportViewer(ctx, user), { ...q, lang });
	return download(summaryTable(r, lang), 'csv', `report-${r.groupBy}-${r.from}-${r.to}`, lang);
});
