import { json } from '@sveltejs/kit';
import { BulkSkillsBody } from '$lib/contracts/skills-api';
import { requireRole } from '$lib/server/auth/auth';
import { editAgentSkills } from '$lib/server/calls/skills';
import { appContext } from '$lib/server/context';
import { api, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Gives and takes skills of several seats at once (a department: all its matters); routing follows at once. */
export const POST: RequestHandler = api(async ({ locals, request }) => {
	const admin = requireRole(locals.user, 'admin');
	const body = await readBody(request, BulkSkillsBody);
	return json(await editAgentSkills(await appContext(), admin.id, body));
});
