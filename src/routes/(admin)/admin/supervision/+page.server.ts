import { fail } from '@sveltejs/kit';
import { DepartmentSettingsBody, SupervisorScopeBody } from '$lib/contracts/api';
import { listStaff } from '$lib/server/agents/agents';
import { setDepartmentAnswerSeconds } from '$lib/server/catalog/catalog';
import { listDepartments, listTowns } from '$lib/server/catalog/queries';
import { appContext } from '$lib/server/context';
import { DomainError } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { describeIssues } from '$lib/server/http';
import { setScope, storedScope } from '$lib/server/supervisor/scope';
import type { Actions, PageServerLoad } from './$types';

/** Supervisors' scopes and the departments' answer thresholds, as an admin edits them. */
export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'admin');
	const ctx = await appContext();
	return {
		supervisors: listStaff(ctx.db)
			.filter((u) => u.active && u.roles.includes('supervisor'))
			.map((u) => ({ id: u.id, displayName: u.displayName, ...storedScope(ctx, u.id) })),
		departments: listDepartments(ctx.db).map((d) => ({
			id: d.id,
			name: d.name,
			nameEn: d.nameEn,
			answerSeconds: d.answerSeconds
		})),
		towns: listTowns(ctx.db).map((t) => ({ id: t.id, name: t.name, nameEn: t.nameEn })),
		defaultAnswerSeconds: ctx.cfg.SERVICE_LEVEL_SECONDS
	};
};

const ids = (f: FormData, name: string) => f.getAll(name).map(Number);

/** A domain error as the form's message; anything else is a server fault. */
function failed(e: unknown, extra: Record<string, unknown>) {
	if (e instanceof DomainError) return fail(e.status, { error: e.message, ...extra });
	throw e;
}

export const actions: Actions = {
	scope: async ({ locals, url, request }) => {
		const admin = guardPage(locals, url, 'admin');
		const f = await request.formData();
		const userId = Number(f.get('userId'));
		const parsed = SupervisorScopeBody.safeParse({
			departmentIds: ids(f, 'departmentId'),
			townIds: ids(f, 'townId')
		});
		if (!parsed.success) return fail(400, { error: describeIssues(parsed.error.issues), userId });
		try {
			setScope(await appContext(), admin.id, userId, parsed.data);
			return { saved: 'scope', userId };
		} catch (e) {
			return failed(e, { userId });
		}
	},
	threshold: async ({ locals, url, request }) => {
		const admin = guardPage(locals, url, 'admin');
		const f = await request.formData();
		const departmentId = Number(f.get('departmentId'));
		const raw = String(f.get('answerSeconds') ?? '').trim();
		const parsed = DepartmentSettingsBody.safeParse({ answerSeconds: raw ? Number(raw) : null });
		if (!parsed.success)
			return fail(400, { error: describeIssues(parsed.error.issues), departmentId });
		try {
			setDepartmentAnswerSeconds(
				await appContext(),
				admin.id,
				departmentId,
				parsed.data.answerSeconds
			);
			return { saved: 'threshold', departmentId };
		} catch (e) {
			return failed(e, { departmentId });
		}
	}
};
