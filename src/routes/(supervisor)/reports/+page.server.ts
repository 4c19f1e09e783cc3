import { appContext } from '$lib/server/context';
import { DomainError } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { reportsPage } from '$lib/server/reports/page';
import type { PageServerLoad } from './$types';

/** The reports for the period, grouping and ranking quarter in the URL. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = guardPage(locals, url, 'supervisor', 'admin');
	const ctx = await appContext();
	try {
		return { report: reportsPage(ctx, user, url, locals.locale), failure: null };
	} catch (e) {
		if (!(e instanceof DomainError)) throw e;
		return { report: null, failure: e.message };
	}
};
