import { json } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { api, readText } from '$lib/server/http';
import { receiveLivekitWebhook } from '$lib/server/calls/video';
import type { RequestHandler } from './$types';

/** LiveKit's webhooks are small JSON documents; anything larger is refused unread. */
const WEBHOOK_MAX_BYTES = 64 * 1024;

/** LiveKit's webhook: verified on the raw body with the API secret; replays change nothing. */
export const POST: RequestHandler = api(async ({ request }) => {
	const raw = await readText(request, WEBHOOK_MAX_BYTES);
	const res = await receiveLivekitWebhook(
		await appContext(),
		raw,
		request.headers.get('authorization')
	);
	return json(res);
});
