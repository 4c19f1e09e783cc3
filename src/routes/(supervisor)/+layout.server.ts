import { redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { guardPage } from '$lib/server/guards';
import { caseCountsFor } from '$lib/server/quality/quality';
import { QUALITY_COUNTS } from '$lib/quality-counts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, depends }) => {
	// re-read every minute by the layout, so a wall left open still sees cases fall overdue
	depends(QUALITY_COUNTS);
	// An agent's own cases live on their desk, where offers still reach them.
	const u = locals.user;
	if (
		u &&
		url.pathname.startsWith('/quality') &&
		u.roles.includes('agent') &&
		!u.roles.some((r) => r === 'supervisor' || r === 'admin')
	)
		redirect(303, url.pathname.replace(/^\/quality/, '/agent/cases') + url.search);
	const user = guardPage(locals, url, 'supervisor', 'admin');
	// The overdue badge beside the quality link, counted in the supervisor's scope.
	return { qualityCounts: caseCountsFor(await appContext(), user) };
};
