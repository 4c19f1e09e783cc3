import { fail } from '@sveltejs/kit';
import { CreateAgentBody } from '$lib/contracts/api';
import { createAgent, listStaff } from '$lib/server/agents/agents';
import { skillsFromForm, isPlainSkill } from '$lib/server/agents/skill-form';
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
		staff: listStaff(ctx.db),
		languages: languages(ctx),
		departments: callerCatalogue(ctx, 0).departments
	};
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const admin = guardPage(locals, url, 'admin');
		const f = await request.formData();
		const grants = skillsFromForm(f).set;
		const skills = grants.filter(isPlainSkill);
		const departments = grants.filter((g) => !isPlainSkill(g));
		const input = {
			username: String(f.get('username') ?? ''),
			password: String(f.get('password') ?? ''),
			displayName: String(f.get('displayName') ?? ''),
			roles: f.getAll('roles').map(String),
			skills
		};
		const parsed = CreateAgentBody.safeParse(input);
		if (!parsed.success)
			return fail(400, {
				error: describeIssues(parsed.error.issues),
				username: input.username,
				displayName: input.displayName
			});
		try {
			const ctx = await appContext();
			const { id } = await createAgent(ctx, admin.id, parsed.data);
			// every matter of a chosen department, at the chosen level
			if (departments.length)
				await editAgentSkills(ctx, admin.id, { agentIds: [id], set: departments, remove: [] });
			return { created: id };
		} catch (e) {
			if (e instanceof DomainError)
				return fail(e.status, {
					error: e.message,
					username: input.username,
					displayName: input.displayName
				});
			throw e;
		}
	}
};
