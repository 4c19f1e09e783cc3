import { json } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { health } from '$lib/server/health';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async () => {
	const h = await health(await appContext());
	return json(h, {
		status: h.status === 'down' ? 503 : 200,
		headers: { 'cache-control': 'no-store' }
	});
});
