import { json } from '@sveltejs/kit';
import { bearerOf, requireCallAccess } from '$lib/server/calls/access';
import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { refreshVideo } from '$lib/server/calls/video';
import type { RequestHandler } from './$types';

/** A fresh short-lived video token for a participant of a live call (clients refresh before expiry). */
export const GET: RequestHandler = api(async ({ locals, request, params }) => {
	const ctx = await appContext();
	const who = { user: locals.user, booth: locals.booth, bearer: bearerOf(request) };
	requireCallAccess(ctx, who, params.id, { staff: true });
	return json(await refreshVideo(ctx, params.id, { user: locals.user, isCaller: !locals.user }));
});
