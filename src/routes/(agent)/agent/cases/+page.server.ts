import { appContext } from '$lib/server/context';
import { guardPage } from '$lib/server/guards';
import { caseListPage } from '$lib/server/quality/forms';
import type { PageServerLoad } from './$types';

/** The agent's own cases, on their desk. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = guardPage(locals, url, 'agent');
	return caseListPage(await appContext(), user, url);
};
