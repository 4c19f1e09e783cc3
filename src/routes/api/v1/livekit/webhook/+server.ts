import { json } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { receiveLivekitWebhook } from '$lib/server/calls/video';
import type { RequestHandler } from './$types';

/** LiveKit's webhook: verified on the raw body with the API secret; replays change nothing. */
export const POST: RequestHandler = api(async ({ request }) => {
	const raw = await request.text();
	const res = await receiveLivekitWebhook(
		await appContext(),
		raw,
		request.headers.get('authorization')
	);
	return json(res);
});
