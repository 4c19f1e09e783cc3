import { guardPage } from '$lib/server/guards';
import { appContext } from '$lib/server/context';
import { wallFor } from '$lib/server/supervisor/wall';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = guardPage(locals, url, 'supervisor', 'admin');
	return { wall: await wallFor(await appContext(), user) };
};
