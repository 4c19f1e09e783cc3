import { agentProfile } from '$lib/server/agents/profile';
import { appContext } from '$lib/server/context';
import { todayCalls } from '$lib/server/desk/desk';
import { guardPage } from '$lib/server/guards';
import { caseCountsFor } from '$lib/server/quality/quality';
import { myRoster, rosterStatus } from '$lib/server/schedule/roster';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = guardPage(locals, url, 'agent');
	const ctx = await appContext();
	const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
	const profile = agentProfile(ctx, user.id);
	const languages = profile.languages.map((l) => l.code);
	return {
		profile,
		today: todayCalls(ctx, user.id),
		cases: caseCountsFor(ctx, user),
		roster: { entries: myRoster(ctx, user.id, today), now: rosterStatus(ctx, user.id, languages) }
	};
};
