import { json } from '@sveltejs/kit';
import { languages } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async () =>
	json({ languages: languages(await appContext()) })
);
