import { languages } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { deskSnapshot } from '$lib/server/desk/desk';
import { guardPage } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, depends }) => {
	const user = guardPage(locals, url, 'agent');
	depends('agent:desk');
	const ctx = await appContext();
	return { desk: await deskSnapshot(ctx, user.id), languages: languages(ctx) };
};
