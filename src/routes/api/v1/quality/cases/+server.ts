import { json } from '@sveltejs/kit';
import { CaseListQuery } from '$lib/contracts/quality-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import { listCasesFor } from '$lib/server/quality/quality';
import type { RequestHandler } from './$types';

/** The cases the user sees (an agent their own, a supervisor their scope), overdue first. */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	const user = requireRole(locals.user, 'agent', 'supervisor', 'admin');
	const query = readQuery(url, CaseListQuery);
	return json(listCasesFor(await appContext(), user, query));
});
