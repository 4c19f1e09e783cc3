import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { parseIntervals, showIntervals } from '$lib/server/schedule/console';
import { applyImport, deleteException, putException } from '$lib/server/schedule/edit';
import { fromFile, fromPackage, packageYears } from '$lib/server/schedule/holidays';
import { listExceptions } from '$lib/server/schedule/schedule';
import { formFail, intOf } from '../form';
import type { Actions, PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = ['holiday', 'workday', 'closed', 'extra'] as const;
const MAX_FILE = 256 * 1024;

export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'scheduler', 'admin');
	const ctx = await appContext();
	return {
		exceptions: listExceptions(ctx.db).map((e) => ({ ...e, hours: showIntervals(e.intervals) })),
		years: packageYears(),
		// From November the State Council notice of the next year is due: offer that year.
		thisYear: (() => {
			const d = new Date(Date.now() + 8 * 3600_000);
			return d.getUTCFullYear() + (d.getUTCMonth() >= 10 ? 1 : 0);
		})()
	};
};

export const actions: Actions = {
	put: async ({ locals, url, request }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		const values = Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)]));
		try {
			const date = values.date ?? '';
			const kind = KINDS.find((k) => k === values.kind);
			if (!DATE.test(date) || Number.isNaN(Date.parse(date)))
				throw badRequest('choose a date', 'invalid_date');
			if (!kind) throw badRequest('choose a kind', 'validation_failed');
			const hours = (values.hours ?? '').trim();
			putException(await appContext(), user.id, date, {
				kind,
				note: (values.note ?? '').trim().slice(0, 200) || null,
				weekday: kind === 'workday' ? intOf(f, 'weekday') : null,
				intervals: hours ? parseIntervals(hours) : null,
				version: intOf(f, 'version')
			});
			return { saved: date };
		} catch (e) {
			return formFail(e, values);
		}
	},
	delete: async ({ locals, url, request }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		try {
			deleteException(
				await appContext(),
				user.id,
				String(f.get('date') ?? ''),
				intOf(f, 'version')
			);
			return { deleted: String(f.get('date')) };
		} catch (e) {
			return formFail(e);
		}
	},
	previewPackage: async ({ locals, url, request }) => {
		guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		try {
			const year = intOf(f, 'year') ?? 0;
			return { preview: fromPackage(year), source: `chinese-days:${year}` };
		} catch (e) {
			return formFail(e);
		}
	},
	previewFile: async ({ locals, url, request }) => {
		guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		try {
			const file = f.get('file');
			if (!(file instanceof File) || !file.size) throw badRequest('choose a file', 'invalid_file');
			if (file.size > MAX_FILE) throw badRequest('the file is larger than 256 KB', 'invalid_file');
			return { preview: fromFile(await file.text()), source: `file:${file.name.slice(0, 60)}` };
		} catch (e) {
			return formFail(e);
		}
	},
	confirmImport: async ({ locals, url, request }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		try {
			// The confirmed preview comes back as the JSON list it was shown as: read it again.
			const days = fromFile(String(f.get('days') ?? ''));
			const source = String(f.get('source') ?? 'import').slice(0, 80);
			return { imported: applyImport(await appContext(), user.id, days, source) };
		} catch (e) {
			return formFail(e);
		}
	}
};
