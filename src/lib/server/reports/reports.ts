import {
	MAX_REPORT_DAYS,
	type GroupBy,
	type Ranking,
	type RankingQuery,
	type ReportRow,
	type Summary,
	type SummaryQuery
} from '../../contracts/reports-api';
import { staffNames } from '../agents/queries';
import type { StaffUser } from '../auth/auth';
import { listBooths } from '../booths/booths';
import { listDepartments, listTowns } from '../catalog/queries';
import type { Ctx } from '../context';
import { badRequest } from '../errors';
import { scopeOf, type Scope } from '../supervisor/scope';
import { addSums, figuresOfSums, noSums } from './figures';
import { sumsByDay, sumsByUnit, type RowFilter } from './queries';
import { rank, type Weights } from './ranking';
import { daysIn, isDate, quarterDays, quarterOf, today, type Period } from './period';

/** Who reads a report: the whole district (null) or a department head's / supervisor's scope. */
export interface ReportViewer {
	scope: Scope | null;
	filter: RowFilter | null;
}

/** The viewer of a staff user (supervisors and admins; the route checks the role). */
export function reportViewer(ctx: Ctx, user: StaffUser): ReportViewer {
	const scope = scopeOf(ctx, user);
	if (!scope) return { scope: null, filter: null };
	const boothIds = listBooths(ctx)
		.filter((b) => b.townId !== null && scope.townIds.includes(b.townId))
		.map((b) => b.id);
	return {
		scope,
		filter: { departmentIds: scope.departmentIds, townIds: scope.townIds, boothIds }
	};
}

/** The period of a query: defaults to this month so far; 400 for a bad or reversed range. */
export function periodOf(q: { from?: string; to?: string }, now = Date.now()): Period {
	const t = today(now);
	const p = { from: q.from ?? `${t.slice(0, 8)}01`, to: q.to ?? t };
	if (!isDate(p.from)) throw badRequest(`from: ${p.from} is not a date`, 'validation_failed');
	if (!isDate(p.to)) throw badRequest(`to: ${p.to} is not a date`, 'validation_failed');
	if (p.to < p.from) throw badRequest('to is before from', 'invalid_period');
	if (daysIn(p) > MAX_REPORT_DAYS)
		throw badRequest(`a report covers at most ${MAX_REPORT_DAYS} days`, 'invalid_period');
	return p;
}

/** The names of a grouping's units, Chinese and English. */
function namesOf(ctx: Ctx, dim: GroupBy, ids: number[]): Map<number, { zh: string; en: string }> {
	switch (dim) {
		case 'department':
			return new Map(listDepartments(ctx.db).map((d) => [d.id, { zh: d.name, en: d.nameEn }]));
		case 'town':
			return new Map(listTowns(ctx.db).map((t) => [t.id, { zh: t.name, en: t.nameEn ?? t.name }]));
		case 'booth':
			return new Map(listBooths(ctx).map((b) => [b.id, { zh: b.name, en: b.name }]));
		case 'agent': {
			// two seats may share a display name: the login tells them apart
			const want = new Set(ids);
			return new Map(
				staffNames(ctx.db)
					.filter((s) => want.has(s.id))
					.map((s) => {
						const n = `${s.displayName} (${s.username})`;
						return [s.id, { zh: n, en: n }];
					})
			);
		}
	}
}

const settingsOf = (ctx: Ctx) => ({
	goodIncludes3: ctx.cfg.REPORT_GOOD_INCLUDES_3,
	weights: ctx.cfg.REPORT_RANKING_WEIGHTS as Weights
});

/** Figures per unit of a grouping for a period, and their total; units by name. */
export function summary(
	ctx: Ctx,
	viewer: ReportViewer,
	q: Pick<SummaryQuery, 'groupBy' | 'from' | 'to' | 'lang'>,
	now = Date.now()
): Summary {
	const p = periodOf(q, now);
	const { goodIncludes3 } = settingsOf(ctx);
	const units = sumsByUnit(ctx.db, q.groupBy, p.from, p.to, viewer.filter);
	const names = namesOf(
		ctx,
		q.groupBy,
		units.map((u) => u.unitId)
	);
	const en = q.lang === 'en';
	const all = noSums();
	const rows: ReportRow[] = units.map((u) => {
		addSums(all, u);
		const n = names.get(u.unitId);
		return {
			id: u.unitId,
			name: (en ? n?.en : n?.zh) ?? `#${u.unitId}`,
			...figuresOfSums(u, goodIncludes3)
		};
	});
	rows.sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name, 'zh-CN'));
	return { groupBy: q.groupBy, ...p, rows, total: figuresOfSums(all, goodIncludes3) };
}

/** The figures per day of a period, all visible units together (the trend charts). */
export function trend(ctx: Ctx, viewer: ReportViewer, p: Period, dim: GroupBy = 'department') {
	const { goodIncludes3 } = settingsOf(ctx);
	return sumsByDay(ctx.db, dim, p.from, p.to, viewer.filter).map((d) => ({
		day: d.day,
		...figuresOfSums(d, goodIncludes3)
	}));
}

/**
 * The quarterly ranking of departments or towns. Ranks are computed over the whole district; a
 * scoped reader sees their own units' rows with their district rank.
 */
export function ranking(
	ctx: Ctx,
	viewer: ReportViewer,
	q: Pick<RankingQuery, 'quarter' | 'of' | 'lang'>,
	now = Date.now()
): Ranking {
	const quarter = q.quarter ?? quarterOf(today(now));
	const p = quarterDays(quarter);
	const { goodIncludes3, weights } = settingsOf(ctx);
	const names = namesOf(ctx, q.of, []);
	const en = q.lang === 'en';
	const ranked = rank(
		sumsByUnit(ctx.db, q.of, p.from, p.to, null).map((u) => {
			const n = names.get(u.unitId);
			return {
				id: u.unitId,
				name: (en ? n?.en : n?.zh) ?? `#${u.unitId}`,
				figures: figuresOfSums(u, goodIncludes3)
			};
		}),
		weights
	);
	const f = viewer.filter;
	const rows = f
		? ranked.filter((r) =>
				q.of === 'department' ? f.departmentIds.includes(r.id) : f.townIds.includes(r.id)
			)
		: ranked;
	return { quarter, of: q.of, ...p, weights: [...weights], rows };
}
