import { guardPage } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	guardPage(locals, url, 'supervisor', 'admin');
};
