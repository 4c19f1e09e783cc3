import { guardPage } from '$lib/server/guards';
import { appContext } from '$lib/server/context';
import { agentRoster } from '$lib/server/agents/agents';
import { listBooths } from '$lib/server/booths/booths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'supervisor', 'admin');
	const ctx = await appContext();
	return { agents: agentRoster(ctx), booths: listBooths(ctx) };
};
