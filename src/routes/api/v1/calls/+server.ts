import { json } from '@sveltejs/kit';
import { CreateCallBody } from '$lib/contracts/api';
import { createCall } from '$lib/server/calls/calls';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** A caller joins the queue: a booth (its bearer token) or an anonymous mobile caller. */
export const POST: RequestHandler = api(async ({ locals, request }) => {
	const body = await readBody(request, CreateCallBody);
	const res = await createCall(await appContext(), body, { boothId: locals.booth?.id ?? null });
	return json(res, { status: 201 });
});
