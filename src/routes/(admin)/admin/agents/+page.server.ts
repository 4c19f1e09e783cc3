import { fail } from '@sveltejs/kit';
import { CreateAgentBody } from '$lib/contracts/api';
import { createAgent, listStaff } from '$lib/server/agents/agents';
import { languages } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { DomainError } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { describeIssues } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'admin');
	const ctx = await appContext();
	return { staff: listStaff(ctx.db), languages: languages(ctx) };
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const admin = guardPage(locals, url, 'admin');
		const f = await request.formData();
		const skills = [
			...f
				.getAll('language')
				.map((code) => ({ kind: 'language' as const, code: String(code), level: 4 })),
			...(f.get('signLanguage') ? [{ kind: 'sign_language' as const, level: 4 }] : []),
			...(f.get('elderly') ? [{ kind: 'elderly_guidance' as const, level: 4 }] : [])
		];
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
			const { id } = await createAgent(await appContext(), admin.id, parsed.data);
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
