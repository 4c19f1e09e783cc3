import { error, redirect } from '@sveltejs/kit';
import { refreshOnlineFields } from '$lib/server/agents/state';
import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { parseIntervals, sessionPage } from '$lib/server/schedule/console';
import { deleteSession, saveSession } from '$lib/server/schedule/edit';
import { matterIdsOfDepartment } from '$lib/server/schedule/queries';
import { copyWeek, setRoster } from '$lib/server/schedule/roster';
import { formFail, intOf, intsOf } from '../../form';
import type { Actions, PageServerLoad } from './$types';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
	roster: async ({ locals, url, request, params }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		const date = String(f.get('date') ?? '');
		try {
			if (!DATE.test(date)) throw badRequest('date must be YYYY-MM-DD', 'invalid_date');
			const ctx = await appContext();
			const r = setRoster(ctx, user.id, {
				date,
				sessionId: Number(params.id),
				agentIds: intsOf(f, 'agentId'),
				repeatWeeks: Math.min(26, Math.max(0, intOf(f, 'repeatWeeks') ?? 0))
			});
			await refreshOnlineFields(ctx);
			return { rostered: r.dates.length, rosterDate: date };
		} catch (e) {
			return formFail(e);
		}
	},
	copyWeek: async ({ locals, url, request }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		try {
			const from = String(f.get('from') ?? '');
			const to = String(f.get('to') ?? '');
			if (!DATE.test(from) || !DATE.test(to)) throw badRequest('choose both weeks', 'invalid_date');
			const ctx = await appContext();
			const copied = copyWeek(ctx, user.id, from, to).copied;
			await refreshOnlineFields(ctx);
			return { copied };
		} catch (e) {
			return formFail(e);
		}
	}
};
