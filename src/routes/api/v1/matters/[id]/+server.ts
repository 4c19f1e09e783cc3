import { json } from '@sveltejs/kit';
import { matterDetail } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { notFound } from '$lib/server/errors';
import { api, readId } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** One matter with what to prepare (public: the waiting screen shows it). */
export const GET: RequestHandler = api(async ({ params }) => {
	const m = matterDetail(await appContext(), readId(params.id, 'matter id', 'validation_failed'));
	if (!m) throw notFound('No such matter');
	return json(m, { headers: { 'cache-control': 'public, max-age=60' } });
});
