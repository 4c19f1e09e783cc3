import { json } from '@sveltejs/kit';
import { CreateBoothBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { createBooth, listBooths } from '$lib/server/booths/booths';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) => {
	requireRole(locals.user, 'admin', 'supervisor');
	return json({ booths: listBooths(await appContext()) });
});

export const POST: RequestHandler = api(async ({ locals, request }) => {
	const admin = requireRole(locals.user, 'admin');
	const body = await readBody(request, CreateBoothBody);
	return json(await createBooth(await appContext(), admin.id, body), { status: 201 });
});
