import { json } from '@sveltejs/kit';
import { AuditQuery } from '$lib/contracts/audit-api';
import { auditCsv } from '$lib/server/supervisor/audit-csv';
import { auditPage, auditViewer } from '$lib/server/supervisor/audit-trail';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The audit stream, newest first and paged; CSV of the same filter with `Accept: text/csv` or `format=csv`. */
export const GET: RequestHandler = api(async ({ locals, url, request }) => {
	const user = requireRole(locals.user, 'supervisor', 'admin');
	const q = readQuery(url, AuditQuery);
	const ctx = await appContext();
	const viewer = auditViewer(ctx, user);
	const csv =
		q.format === 'csv' || (!q.format && /\btext\/csv\b/.test(request.headers.get('accept') ?? ''));
	if (!csv) return json(auditPage(ctx, q, viewer));
	const day = new Date().toISOString().slice(0, 10);
	return new Response(auditCsv(ctx, q, viewer), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="audit-${day}.csv"`
		}
	});
});
