import { json } from '@sveltejs/kit';
import { CreateCallBody } from '$lib/contracts/api';
import { createCall } from '$lib/server/calls/calls';
import { limitMobileCall } from '$lib/server/calls/limits';
import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** A caller joins the queue: a booth (its bearer token) or an anonymous mobile caller. */
export const POST: RequestHandler = api(async ({ locals, request, getClientAddress }) => {
	const ctx = await appContext();
	const body = await readBody(request, CreateCallBody);
	// A caller may ask for the green channel (and say they are elderly); urgent is a
	// supervisor's decision (POST /supervisor/calls/{id}/lane), never the caller's own.
	if (body.priorityLane === 'urgent')
		throw badRequest(
			'priorityLane: urgent is set by a duty supervisor; a caller may ask for the green channel',
			'lane_not_allowed'
		);
	// Anonymous calls are rate limited per address; a booth is a registered device.
	if (body.channel === 'mobile') await limitMobileCall(ctx, getClientAddress());
	const res = await createCall(ctx, body, { boothId: locals.booth?.id ?? null });
	return json(res, { status: 201 });
});
