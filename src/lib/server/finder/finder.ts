import type { Ctx } from '../context';
import { reference } from '../db/reference';
import { connectionOf } from '../db/prepared';
import { callerCatalogue, findMatters, mattersWithMaterials } from '../catalog/catalog';
import { catalogueIndex, demandWith, type MatterQuery } from '../catalog/search';
import { callsPerMatter } from '../calls/queries';
import { pickFrequent, type Basis } from './frequent';

/** How far back "how often a matter is asked for" looks. */
const WINDOW_DAYS = 90;
/** Counts are re-read at most this often (a keystroke's search must not count calls). */
const COUNTS_TTL_MS = 5 * 60_000;

const cache = new WeakMap<object, Map<string, { at: number; counts: Map<number, number> }>>();

/** Calls per matter over the window, from some booths or everywhere; kept a few minutes. */
function recentCounts(ctx: Ctx, key: string, boothIds?: number[]): Map<number, number> {
	const conn = connectionOf(ctx.db);
	let mine = cache.get(conn);
	if (!mine) cache.set(conn, (mine = new Map()));
	const now = Date.now();
	const hit = mine.get(key);
	if (hit && now - hit.at < COUNTS_TTL_MS) return hit.counts;
	const since = new Date(now - WINDOW_DAYS * 86_400_000).toISOString();
	const counts = callsPerMatter(ctx.db, since, boothIds);
	mine.set(key, { at: now, counts });
	return counts;
}

/**
 * Matter search and department browsing for callers and staff: forgiving search, ranked by
 * how often each matter was asked for across the district lately, paged with an honest total.
 */
export function searchMatters(ctx: Ctx, q: MatterQuery) {
	return findMatters(ctx, q, recentCounts(ctx, 'district'));
}

/**
 * A booth's 常办事项: what its own callers asked for most (when it has enough calls to
 * count), else its town's booths, else the district's; at most three of one department, so a
 * village booth is not shown eight company registrations.
 */
export function frequentMatters(ctx: Ctx, boothId: number | undefined, n: number) {
	const b = catalogueIndex(ctx.db);
	const booths = reference(ctx.db, 'booths');
	const booth = boothId === undefined ? undefined : booths.get(boothId);
	const scopes: { basis: Basis; counts: Map<number, number> }[] = [];
	if (booth) {
		scopes.push({ basis: 'booth', counts: recentCounts(ctx, `booth:${booth.id}`, [booth.id]) });
		const town = [...booths.values()].filter((x) => x.town === booth.town).map((x) => x.id);
		scopes.push({ basis: 'town', counts: recentCounts(ctx, `town:${booth.town}`, town) });
	}
	scopes.push({ basis: 'district', counts: demandWith(b, recentCounts(ctx, 'district')).counts });
	const departmentOf = (id: number) => b.rows.get(id)?.departmentId;
	const { ids, basis } = pickFrequent(scopes, departmentOf, n);
	const matters = mattersWithMaterials(ctx, ids).map((m) => ({
		...m,
		departmentName: b.rows.get(m.id)!.departmentName,
		departmentNameEn: b.rows.get(m.id)!.departmentNameEn
	}));
	return { basis, matters };
}

/** What a caller screen starts with: its 常办事项 and the departments to browse. */
export function callerStart(ctx: Ctx, boothId: number | undefined, n: number) {
	const { matters, basis } = frequentMatters(ctx, boothId, n);
	return {
		popular: matters.map(({ id, name, nameEn, materials }) => ({ id, name, nameEn, materials })),
		popularBasis: basis,
		departments: callerCatalogue(ctx, 0).departments
	};
}
