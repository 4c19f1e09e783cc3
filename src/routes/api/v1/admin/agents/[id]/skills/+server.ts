import { json } from '@sveltejs/kit';
import { ReplaceSkillsBody } from '$lib/contracts/api';
import { agentSkills, setSkills, skillsOf } from '$lib/server/agents/agents';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

function agentId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id <= 0) throw badRequest('agent id must be a positive integer');
	return id;
}

export const PUT: RequestHandler = api(async ({ locals, request, params }) => {
	const admin = requireRole(locals.user, 'admin');
	const id = agentId(params.id);
	const body = await readBody(request, ReplaceSkillsBody);
	const ctx = await appContext();
	await setSkills(ctx, admin.id, id, body.skills);
	return json({ id, skills: skillsOf(ctx.db, id) });
});

export const GET: RequestHandler = api(async ({ locals, params }) => {
	requireRole(locals.user, 'admin');
	const id = agentId(params.id);
	return json({ id, skills: agentSkills(await appContext(), id) });
});
