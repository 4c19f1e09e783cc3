import { json } from '@sveltejs/kit';
import { MatterQuery } from '$lib/contracts/api';
import { searchMatters } from '$lib/server/finder/finder';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url }) => {
	return json(searchMatters(await appContext(), readQuery(url, MatterQuery)), {
		headers: { 'cache-control': 'public, max-age=60' }
	});
});
