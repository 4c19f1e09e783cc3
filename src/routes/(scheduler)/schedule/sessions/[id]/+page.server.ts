import { error, redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { parseIntervals, sessionPage } from '$lib/server/schedule/console';
import { deleteSession, saveSession } from '$lib/server/schedule/edit';
import { matterIdsOfDepartment } from '$lib/server/schedule/queries';
import { formFail, intOf, intsOf } from '../../form';
import { rosterActions } from '../../roster-actions';
import type { Actions, PageServerLoad } from './$types';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export const load: PageServerLoad = async ({ locals, url, params }) => {
	guardPage(locals, url, 'scheduler', 'admin');
	const page = sessionPage(await appContext(), Number(params.id) || 0, today());
	if (!page) error(404, 'no such session');
	return page;
};

export const actions: Actions = {
	save: async ({ locals, url, request, params }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		const values = {
			name: String(f.get('name') ?? ''),
			nameEn: String(f.get('nameEn') ?? ''),
			weekday: String(f.get('weekday') ?? ''),
			hours: String(f.get('hours') ?? ''),
			active: f.get('active') === 'on',
			matterIds: intsOf(f, 'matterId'),
			departmentIds: intsOf(f, 'addDepartment')
		};
		try {
			const ctx = await appContext();
			const weekday = intOf(f, 'weekday');
			if (!values.name.trim() || weekday === undefined || weekday < 0 || weekday > 6)
				throw badRequest('name and weekday are required', 'validation_failed');
			const ids = [
				...values.matterIds,
				...values.departmentIds.flatMap((d) => matterIdsOfDepartment(ctx.db, d))
			];
			saveSession(ctx, user.id, Number(params.id), {
				name: values.name.trim(),
				nameEn: values.nameEn.trim(),
				weekday,
				intervals: parseIntervals(values.hours),
				active: values.active,
				matterIds: ids,
				version: intOf(f, 'version')
			});
			return { saved: true };
		} catch (e) {
			return formFail(e, values);
		}
	},
	delete: async ({ locals, url, request, params }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		try {
			deleteSession(await appContext(), user.id, Number(params.id), intOf(f, 'version'));
		} catch (e) {
			return formFail(e);
		}
		redirect(303, '/schedule/sessions');
	},
	...rosterActions((params) => ({ kind: 'session', id: Number(params.id) }))
};
