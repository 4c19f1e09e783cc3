import { redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { parseIntervals, sessionsPage } from '$lib/server/schedule/console';
import { saveSession } from '$lib/server/schedule/edit';
import { formFail, intOf } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'scheduler', 'admin');
	return { sessions: sessionsPage(await appContext()) };
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		const values = Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)]));
		let id: number;
		try {
			const name = String(f.get('name') ?? '').trim();
			const weekday = intOf(f, 'weekday') ?? -1;
			if (!name || weekday < 0 || weekday > 6) return formFail(badInput(), values);
			id = saveSession(await appContext(), user.id, null, {
				name,
				nameEn: String(f.get('nameEn') ?? '').trim(),
				weekday,
				intervals: parseIntervals(String(f.get('hours') ?? '')),
				matterIds: []
			}).id;
		} catch (e) {
			return formFail(e, values);
		}
		redirect(303, `/schedule/sessions/${id}`);
	}
};

const badInput = () => badRequest('name and weekday are required', 'validation_failed');
