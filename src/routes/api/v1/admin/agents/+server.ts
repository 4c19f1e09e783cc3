import { json } from '@sveltejs/kit';
import { CreateAgentBody } from '$lib/contracts/api';
import { createAgent, listStaff } from '$lib/server/agents/agents';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) => {
	requireRole(locals.user, 'admin');
	return json({ agents: listStaff((await appContext()).db) });
});

export const POST: RequestHandler = api(async ({ locals, request }) => {
	const admin = requireRole(locals.user, 'admin');
	const body = await readBody(request, CreateAgentBody);
	return json(await createAgent(await appContext(), admin.id, body), { status: 201 });
});
