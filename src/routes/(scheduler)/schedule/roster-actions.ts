import { refreshOnlineFields } from '$lib/server/agents/state';
import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import type { RosterTarget } from '$lib/server/schedule/queries';
import { copyWeek, setRoster } from '$lib/server/schedule/roster';
import { formFail, intOf, intsOf } from './form';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Event {
	locals: App.Locals;
	url: URL;
	request: Request;
	params: Record<string, string>;
}

/** The roster form actions of a page whose roster is `targetOf(params)` (a session, language hours). */
export function rosterActions(targetOf: (params: Record<string, string>) => RosterTarget) {
	return {
		roster: async ({ locals, url, request, params }: Event) => {
			const user = guardPage(locals, url, 'scheduler', 'admin');
			const f = await request.formData();
			const date = String(f.get('date') ?? '');
			try {
				if (!DATE.test(date)) throw badRequest('date must be YYYY-MM-DD', 'invalid_date');
				const ctx = await appContext();
				const r = setRoster(ctx, user.id, {
					date,
					target: targetOf(params),
					agentIds: intsOf(f, 'agentId'),
					repeatWeeks: Math.min(26, Math.max(0, intOf(f, 'repeatWeeks') ?? 0))
				});
				await refreshOnlineFields(ctx);
				return { rostered: r.dates.length, rosterDate: date };
			} catch (e) {
				return formFail(e);
			}
		},
		copyWeek: async ({ locals, url, request }: Event) => {
			const user = guardPage(locals, url, 'scheduler', 'admin');
			const f = await request.formData();
			try {
				const from = String(f.get('from') ?? '');
				const to = String(f.get('to') ?? '');
				if (!DATE.test(from) || !DATE.test(to))
					throw badRequest('choose both weeks', 'invalid_date');
				const ctx = await appContext();
				const copied = copyWeek(ctx, user.id, from, to).copied;
				await refreshOnlineFields(ctx);
				return { copied };
			} catch (e) {
				return formFail(e);
			}
		}
	};
}
