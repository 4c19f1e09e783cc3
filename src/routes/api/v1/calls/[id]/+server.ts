import { json } from '@sveltejs/kit';
import { bearerOf, requireCallAccess } from '$lib/server/calls/access';
import { callView, leaveCall } from '$lib/server/calls/calls';
import { touchCaller } from '$lib/server/calls/presence';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** A call's status, position and wait: for its caller (token or booth) or staff. */
export const GET: RequestHandler = api(async ({ locals, request, params }) => {
	const ctx = await appContext();
	const who = { user: locals.user, booth: locals.booth, bearer: bearerOf(request) };
	requireCallAccess(ctx, who, params.id, { staff: true });
	// A caller reading its call is still there (see calls/presence.ts).
	if (!locals.user) await touchCaller(ctx, params.id);
	return json(await callView(ctx, params.id, locals.user ? 'staff' : 'caller'));
});

/** The caller leaves: waiting → abandoned, connected → ends (agent wraps up). */
export const DELETE: RequestHandler = api(async ({ locals, request, params }) => {
	const ctx = await appContext();
	// Staff are identified, so they are refused (403): only the caller may leave its call.
	const who = { user: locals.user, booth: locals.booth, bearer: bearerOf(request) };
	requireCallAccess(ctx, who, params.id, { staff: false });
	return json({ callId: params.id, ...(await leaveCall(ctx, params.id)) });
});
