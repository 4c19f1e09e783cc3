import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { matterDetail } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { badRequest, notFound } from '$lib/server/errors';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

const Id = z.coerce.number().int().positive();

/** One matter with what to prepare (public: the waiting screen shows it). */
export const GET: RequestHandler = api(async ({ params }) => {
	const id = Id.safeParse(params.id);
	if (!id.success) throw badRequest('matter id must be a positive number', 'validation_failed');
	const m = matterDetail(await appContext(), id.data);
	if (!m) throw notFound('No such matter');
	return json(m, { headers: { 'cache-control': 'public, max-age=60' } });
});
