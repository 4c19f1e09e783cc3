import { appContext } from '$lib/server/context';
import { guardPage } from '$lib/server/guards';
import { readId } from '$lib/server/http';
import { casePage, pageError, stepAction } from '$lib/server/quality/forms';
import type { Actions, PageServerLoad } from './$types';

/** One of the agent's own cases. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = guardPage(locals, url, 'agent');
	return pageError(async () => casePage(await appContext(), user, readId(params.id)));
};

export const actions: Actions = {
	step: async ({ locals, url, params, request }) => {
		const user = guardPage(locals, url, 'agent');
		return stepAction(await appContext(), user, params.id, request, locals.requestId);
	}
};
