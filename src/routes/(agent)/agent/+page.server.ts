import { guardPage } from '$lib/server/guards';
import { appContext } from '$lib/server/context';
import { agentProfile } from '$lib/server/agents/profile';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = guardPage(locals, url, 'agent');
	return { profile: agentProfile(await appContext(), user.id) };
};
