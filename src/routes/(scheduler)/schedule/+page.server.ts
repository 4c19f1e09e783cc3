import { guardPage } from '$lib/server/guards';
import { appContext } from '$lib/server/context';
import { weekendMatters } from '$lib/server/catalog/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'scheduler', 'admin');
	return { weekend: weekendMatters(await appContext()) };
};
