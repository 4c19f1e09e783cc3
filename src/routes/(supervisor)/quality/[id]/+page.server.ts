import { appContext } from '$lib/server/context';
import { guardPage } from '$lib/server/guards';
import { readId } from '$lib/server/http';
import { casePage, pageError, stepAction } from '$lib/server/quality/forms';
import type { Actions, PageServerLoad } from './$types';

/** One case, for a supervisor in scope or an admin. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = guardPage(locals, url, 'supervisor', 'admin');
	return pageError(async () => casePage(await appContext(), user, readId(params.id)));
};

export const actions: Actions = {
	step: async ({ locals, url, params, request }) => {
		const user = guardPage(locals, url, 'supervisor', 'admin');
		return stepAction(await appContext(), user, params.id, request, locals.requestId);
	}
};
