import { json } from '@sveltejs/kit';
import { PreviewQuery } from '$lib/contracts/schedule-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import { preview } from '$lib/server/schedule/schedule';
import type { RequestHandler } from './$types';

/** What a caller would see at an instant for a matter (and booth). */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	requireRole(locals.user, 'scheduler', 'supervisor', 'admin');
	const q = readQuery(url, PreviewQuery);
	return json(preview(await appContext(), q.matterId, Date.parse(q.at), { boothId: q.boothId }));
});
