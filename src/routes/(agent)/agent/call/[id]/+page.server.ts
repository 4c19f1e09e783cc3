import { error } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { deskCall } from '$lib/server/desk/desk';
import { DomainError } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params, depends }) => {
	const user = guardPage(locals, url, 'agent');
	depends('agent:call');
	try {
		return { call: deskCall(await appContext(), user.id, params.id) };
	} catch (e) {
		if (e instanceof DomainError) error(e.status, { message: e.message, code: e.code });
		throw e;
	}
};
