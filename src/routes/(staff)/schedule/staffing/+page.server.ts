import { callerCatalogue } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { guardPage } from '$lib/server/guards';
import { localParts } from '$lib/server/schedule/hours';
import { FORECAST_WEEKS, staffingFor } from '$lib/server/staffing/forecast';
import type { PageServerLoad } from './$types';

const int = (v: string | null, min: number, max: number, dflt: number) => {
	const n = v && /^\d{1,6}$/.test(v) ? Number(v) : dflt;
	return Math.min(max, Math.max(min, n));
};

/** Seats needed per open hour of a date against the seats on duty (schedulers, supervisors, admins). */
export const load: PageServerLoad = async ({ locals, url }) => {
	guardPage(locals, url, 'scheduler', 'supervisor', 'admin');
	const ctx = await appContext();
	const departments = callerCatalogue(ctx, 0).departments;
	const p = url.searchParams;
	const dateRaw = p.get('date') ?? '';
	const date = /^\d{4}-\d{2}-\d{2}$/.test(dateRaw) ? dateRaw : localParts(Date.now()).date;
	const departmentId = int(p.get('departmentId'), 1, 1_000_000, departments[0]?.id ?? 1);
	const targetPct = int(p.get('targetPct'), 1, 99, 80);
	const targetSeconds = int(p.get('targetSeconds'), 1, 3600, ctx.cfg.SERVICE_LEVEL_SECONDS);
	const patienceRaw = p.get('patienceSeconds');
	const patienceSeconds = patienceRaw ? int(patienceRaw, 1, 86_400, 120) : undefined;
	return {
		departments,
		weeks: FORECAST_WEEKS,
		query: {
			departmentId,
			date,
			targetPct,
			targetSeconds,
			patienceSeconds: patienceSeconds ?? null
		},
		rows: staffingFor(ctx, {
			departmentId,
			date,
			target: targetPct / 100,
			targetSeconds,
			patienceSeconds
		})
	};
};
