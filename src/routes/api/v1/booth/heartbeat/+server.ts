import { json } from '@sveltejs/kit';
import { HeartbeatBody } from '$lib/contracts/caller-api';
import { boothHeartbeat } from '$lib/server/booths/presence';
import { appContext } from '$lib/server/context';
import { unauthorized } from '$lib/server/errors';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** A booth reports its screen state; the answer says whether service is open now. */
export const POST: RequestHandler = api(async ({ locals, request }) => {
	if (!locals.booth) throw unauthorized('Booth device token required');
	const body = await readBody(request, HeartbeatBody);
	return json(await boothHeartbeat(await appContext(), locals.booth, body.state));
});
