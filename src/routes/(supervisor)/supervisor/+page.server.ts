import { guardPage } from '$lib/server/guards';
import { appContext } from '$lib/server/context';
import { sharedWallSnapshot } from '$lib/server/supervisor/shared';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = guardPage(locals, url, 'supervisor', 'admin');
	return { wall: await sharedWallSnapshot(await appContext(), user) };
};
