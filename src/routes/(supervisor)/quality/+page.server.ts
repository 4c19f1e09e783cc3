import { appContext } from '$lib/server/context';
import { guardPage } from '$lib/server/guards';
import { caseListPage } from '$lib/server/quality/forms';
import type { PageServerLoad } from './$types';

/** The cases a supervisor (their scope) or an admin (all) follows up. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = guardPage(locals, url, 'supervisor', 'admin');
	return caseListPage(await appContext(), user, url);
};
