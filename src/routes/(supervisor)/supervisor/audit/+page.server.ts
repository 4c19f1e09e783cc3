import { filtersFrom, queryOf } from '$lib/audit/filters';
import { AuditQuery, type AuditPage } from '$lib/contracts/audit-api';
import { auditPage, auditPeople, auditViewer } from '$lib/server/supervisor/audit-trail';
import { appContext } from '$lib/server/context';
import { DomainError } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { describeIssues } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/** The audit trail's first page for the filters in the URL, and the people to filter by. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = guardPage(locals, url, 'supervisor', 'admin');
	const ctx = await appContext();
	const filters = filtersFrom(url.searchParams);
	const { query, bad } = queryOf(filters);
	const people = auditPeople(ctx);
	let first: AuditPage | null = null;
	let failure: string | null = null;
	const parsed = AuditQuery.safeParse(query);
	if (!parsed.success) failure = describeIssues(parsed.error.issues);
	else if (!bad.length) {
		try {
			first = auditPage(ctx, parsed.data, auditViewer(ctx, user));
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			failure = e.message;
		}
	}
	return { filters, query, bad, people, first, failure };
};
