import { guardPage } from '$lib/server/guards';
import { appContext } from '$lib/server/context';
import { listStaff } from '$lib/server/agents/agents';
import { listBooths } from '$lib/server/booths/booths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'supervisor', 'admin');
	const ctx = await appContext();
	const agents = listStaff(ctx.db)
		.filter((u) => u.roles.includes('agent'))
		.map((u) => ({
			id: u.id,
			displayName: u.displayName,
			username: u.username,
			skillCount: u.skills.length
		}));
	return { agents, booths: listBooths(ctx) };
};
