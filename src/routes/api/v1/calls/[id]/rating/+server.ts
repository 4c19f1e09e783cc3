import { json } from '@sveltejs/kit';
import { RatingBody } from '$lib/contracts/caller-api';
import { bearerOf, requireCallAccess } from '$lib/server/calls/access';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import { rateCall } from '$lib/server/ratings/ratings';
import type { RequestHandler } from './$types';

/** The caller (its caller token or its booth) rates the call once it has ended. Staff may not. */
export const POST: RequestHandler = api(async ({ locals, request, params }) => {
	const ctx = await appContext();
	const who = { user: locals.user, booth: locals.booth, bearer: bearerOf(request) };
	requireCallAccess(ctx, who, params.id, { staff: false });
	const body = await readBody(request, RatingBody);
	return json(rateCall(ctx, params.id, body), { status: 201 });
});
