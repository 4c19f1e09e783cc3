import { json } from '@sveltejs/kit';
import { serviceStatus } from '$lib/server/booths/service';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Whether callers are served now, and when service opens next (public). */
export const GET: RequestHandler = api(async () => {
	return json(serviceStatus(await appContext()), { headers: { 'cache-control': 'no-store' } });
});
