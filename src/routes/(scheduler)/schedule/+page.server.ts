import { listBooths } from '$lib/server/booths/booths';
import { matterDetail } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { guardPage } from '$lib/server/guards';
import { monthView } from '$lib/server/schedule/console';
import { rosterableAgents } from '$lib/server/schedule/queries';
import type { PageServerLoad } from './$types';

const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'scheduler', 'admin');
	const ctx = await appContext();
	const raw = url.searchParams.get('month') ?? '';
	const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : thisMonth();
	const matterId = Number(url.searchParams.get('matter')) || undefined;
	const matter = matterId ? matterDetail(ctx, matterId) : null;
	return {
		month,
		matter: matter ? { id: matter.id, name: matter.name, nameEn: matter.nameEn } : null,
		days: monthView(ctx, month, matter ? matter.id : undefined),
		booths: listBooths(ctx).map((b) => ({ id: b.id, name: b.name, town: b.town })),
		agents: rosterableAgents(ctx.db).map((a) => ({ id: a.id, displayName: a.displayName }))
	};
};
