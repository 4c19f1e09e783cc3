import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { departments, matters } from '../db/schema';
import { listLanguages, searchMatters } from './queries';

/** Matter search for the public API and pages. */
export function findMatters(ctx: Ctx, q: { q?: string; departmentId?: number; limit: number }) {
	return searchMatters(ctx.db, q);
}

/** Languages a caller can pick. */
export function languages(ctx: Ctx) {
	return listLanguages(ctx.db);
}

/** Matters offered in weekend extended hours. */
export function weekendMatters(ctx: Ctx) {
	return ctx.db
		.select({
			id: matters.id,
			name: matters.name,
			nameEn: matters.nameEn,
			level: matters.level,
			department: departments.name,
			departmentEn: departments.nameEn
		})
		.from(matters)
		.innerJoin(departments, eq(departments.id, matters.departmentId))
		.where(eq(matters.weekendExtended, true))
		.orderBy(asc(matters.id))
		.all();
}
