import { error } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { guardPage } from '$lib/server/guards';
import { languageRosterPage } from '$lib/server/schedule/console';
import { rosterActions } from '../../../roster-actions';
import type { Actions, PageServerLoad } from './$types';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export const load: PageServerLoad = async ({ locals, url, params }) => {
	guardPage(locals, url, 'scheduler', 'admin');
	const page = languageRosterPage(await appContext(), Number(params.id) || 0, today());
	if (!page) error(404, 'no such schedule');
	return page;
};

export const actions: Actions = rosterActions((params) => ({
	kind: 'language',
	id: Number(params.id)
}));
