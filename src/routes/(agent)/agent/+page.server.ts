import { agentProfile } from '$lib/server/agents/profile';
import { appContext } from '$lib/server/context';
import { todayCalls } from '$lib/server/desk/desk';
import { guardPage } from '$lib/server/guards';
import { caseCountsFor } from '$lib/server/quality/quality';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = guardPage(locals, url, 'agent');
	const ctx = await appContext();
	return {
		profile: agentProfile(ctx, user.id),
		today: todayCalls(ctx, user.id),
		cases: caseCountsFor(ctx, user)
	};
};
