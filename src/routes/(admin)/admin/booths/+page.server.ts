import { fail } from '@sveltejs/kit';
import { CreateBoothBody } from '$lib/contracts/api';
import { createBooth, listBooths } from '$lib/server/booths/booths';
import { listTowns } from '$lib/server/catalog/queries';
import { appContext } from '$lib/server/context';
import { DomainError } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { describeIssues } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'admin');
	const ctx = await appContext();
	return { booths: listBooths(ctx), towns: listTowns(ctx.db) };
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const admin = guardPage(locals, url, 'admin');
		const f = await request.formData();
		const parsed = CreateBoothBody.safeParse({
			name: f.get('name') ?? '',
			town: f.get('town') ?? '',
			site: f.get('site') ?? ''
		});
		if (!parsed.success) return fail(400, { error: describeIssues(parsed.error.issues) });
		try {
			return { created: await createBooth(await appContext(), admin.id, parsed.data) };
		} catch (e) {
			if (e instanceof DomainError) return fail(e.status, { error: e.message });
			throw e;
		}
	}
};
