import { guardPage } from '$lib/server/guards';
import { appContext } from '$lib/server/context';
import { wallSnapshot } from '$lib/server/supervisor/wall';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'supervisor', 'admin');
	return { wall: await wallSnapshot(await appContext()) };
};
