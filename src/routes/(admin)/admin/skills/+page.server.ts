import { fail } from '@sveltejs/kit';
import { BulkSkillsBody } from '$lib/contracts/skills-api';
import { listStaff } from '$lib/server/agents/agents';
import { skillsFromForm } from '$lib/server/agents/skill-form';
import { editAgentSkills } from '$lib/server/calls/skills';
import { callerCatalogue, languages } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { DomainError } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { describeIssues } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'admin');
	const ctx = await appContext();
	return {
		agents: listStaff(ctx.db).filter((u) => u.roles.includes('agent')),
		languages: languages(ctx),
		departments: callerCatalogue(ctx, 0).departments
	};
};

export const actions: Actions = {
	apply: async ({ locals, url, request }) => {
		const admin = guardPage(locals, url, 'admin');
		const f = await request.formData();
		const parsed = BulkSkillsBody.safeParse({
			agentIds: f.getAll('agentId').map(Number),
			...skillsFromForm(f)
		});
		if (!parsed.success) return fail(400, { error: describeIssues(parsed.error.issues) });
		try {
			const res = await editAgentSkills(await appContext(), admin.id, parsed.data);
			return { applied: res.agents.length };
		} catch (e) {
			if (e instanceof DomainError) return fail(e.status, { error: e.message });
			throw e;
		}
	}
};
