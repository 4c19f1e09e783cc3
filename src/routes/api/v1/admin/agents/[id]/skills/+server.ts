import { json } from '@sveltejs/kit';
import { ReplaceSkillsBody } from '$lib/contracts/api';
import { agentSkills } from '$lib/server/agents/agents';
import { replaceAgentSkills } from '$lib/server/calls/skills';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody, readId } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = api(async ({ locals, request, params }) => {
	const admin = requireRole(locals.user, 'admin');
	const id = readId(params.id, 'agent id');
	const body = await readBody(request, ReplaceSkillsBody);
	const ctx = await appContext();
	return json(await replaceAgentSkills(ctx, admin.id, id, body.skills));
});

export const GET: RequestHandler = api(async ({ locals, params }) => {
	requireRole(locals.user, 'admin');
	const id = readId(params.id, 'agent id');
	return json({ id, skills: agentSkills(await appContext(), id) });
});
