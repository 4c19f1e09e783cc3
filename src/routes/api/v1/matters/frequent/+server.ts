import { json } from '@sveltejs/kit';
import { FrequentQuery } from '$lib/contracts/finder-api';
import { appContext } from '$lib/server/context';
import { frequentMatters } from '$lib/server/finder/finder';
import { api, readQuery } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** A booth's 常办事项 (with its device token), else the district's; public. */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	const { limit } = readQuery(url, FrequentQuery);
	return json(frequentMatters(await appContext(), locals.booth?.id, limit), {
		headers: { 'cache-control': 'private, max-age=60' }
	});
});
