import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { parseIntervals, schedulesPage } from '$lib/server/schedule/console';
import { deleteSchedule, saveSchedule } from '$lib/server/schedule/edit';
import { DAYS } from '$lib/server/schedule/hours';
import { formFail, intOf, intsOf } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'scheduler', 'admin');
	return schedulesPage(await appContext());
};

export const actions: Actions = {
	save: async ({ locals, url, request }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		const id = intOf(f, 'id') ?? null;
		const values = {
			id,
			name: String(f.get('name') ?? ''),
			nameEn: String(f.get('nameEn') ?? ''),
			days: Object.fromEntries(DAYS.map((d) => [d, String(f.get(`day.${d}`) ?? '')])),
			departmentIds: intsOf(f, 'departmentId'),
			townIds: intsOf(f, 'townId'),
			languages: f.getAll('language').map(String)
		};
		try {
			if (!values.name.trim()) throw badRequest('a schedule needs a name', 'validation_failed');
			const pattern = Object.fromEntries(DAYS.map((d) => [d, parseIntervals(values.days[d]!, d)]));
			saveSchedule(await appContext(), user.id, id, {
				name: values.name.trim(),
				nameEn: values.nameEn.trim(),
				pattern,
				assign: {
					departmentIds: values.departmentIds,
					townIds: values.townIds,
					languages: values.languages
				},
				version: intOf(f, 'version')
			});
			return { saved: id ?? 'new' };
		} catch (e) {
			return formFail(e, values);
		}
	},
	delete: async ({ locals, url, request }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		try {
			deleteSchedule(await appContext(), user.id, intOf(f, 'id') ?? 0, intOf(f, 'version'));
			return { deleted: true };
		} catch (e) {
			return formFail(e);
		}
	}
};
