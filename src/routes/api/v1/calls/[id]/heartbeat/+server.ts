import { bearerOf, requireCallAccess } from '$lib/server/calls/access';
import { touchCaller } from '$lib/server/calls/presence';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The caller's page is still open: a waiting caller keeps the place (see calls/presence.ts). */
export const POST: RequestHandler = api(async ({ locals, request, params }) => {
	const ctx = await appContext();
	// Only the caller's own page (its token or its booth) beats for the call; staff are refused.
	const who = { user: locals.user, booth: locals.booth, bearer: bearerOf(request) };
	requireCallAccess(ctx, who, params.id, { staff: false });
	await touchCaller(ctx, params.id);
	return new Response(null, { status: 204 });
});
