import { json } from '@sveltejs/kit';
import { MatterQuery } from '$lib/contracts/api';
import { findMatters } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { api, readQuery } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url }) => {
	return json(findMatters(await appContext(), readQuery(url, MatterQuery)), {
		headers: { 'cache-control': 'public, max-age=60' }
	});
});
