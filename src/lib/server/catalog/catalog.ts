import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { matters } from '../db/schema';
import { audit } from '../audit/audit';
import { notFound } from '../errors';
import { listDepartments, listLanguages, updateDepartmentAnswerSeconds } from './queries';
import { catalogueNames, searchCatalogue, type MatterQuery } from './search';

/**
 * Matter search (forgiving) and department listing for the public API and pages; `calls`
 * counts how often each matter was asked for lately (call history), ranking ties.
 */
export function findMatters(ctx: Ctx, q: MatterQuery, calls?: ReadonlyMap<number, number>) {
	return searchCatalogue(ctx.db, q, calls);
}

/** Languages a caller can pick. */
export function languages(ctx: Ctx) {
	return listLanguages(ctx.db);
}

/** The most used matters by the catalogue's own ranking (before any call history). */
export function popularMatters(ctx: Ctx, limit = 8) {
	return ctx.db
		.select({
			id: matters.id,
			name: matters.name,
			nameEn: matters.nameEn,
			materials: matters.materials
		})
		.from(matters)
		.where(and(eq(matters.active, true), inArray(matters.level, ['town', 'district'])))
		.orderBy(desc(matters.popularity), asc(matters.id))
		.limit(limit)
		.all();
}

/** Active matters by id with what to prepare (the booth's quick buttons), in the order asked. */
export function mattersWithMaterials(ctx: Ctx, ids: number[]) {
	if (!ids.length) return [];
	const rows = new Map(
		ctx.db
			.select({
				id: matters.id,
				name: matters.name,
				nameEn: matters.nameEn,
				departmentId: matters.departmentId,
				materials: matters.materials
			})
			.from(matters)
			.where(and(inArray(matters.id, ids), eq(matters.active, true)))
			.all()
			.map((m) => [m.id, m])
	);
	return ids.flatMap((id) => rows.get(id) ?? []);
}

/** One active matter with what the caller should prepare, or undefined. */
export function matterDetail(ctx: Ctx, id: number) {
	return ctx.db
		.select({
			id: matters.id,
			name: matters.name,
			nameEn: matters.nameEn,
			materials: matters.materials
		})
		.from(matters)
		.where(and(eq(matters.id, id), eq(matters.active, true)))
		.get();
}

/** What a caller screen starts with: the most used matters and the departments to browse. */
export function callerCatalogue(ctx: Ctx, popular: number) {
	return {
		popular: popularMatters(ctx, popular),
		departments: listDepartments(ctx.db).map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn }))
	};
}

/** An admin sets a department's answer threshold T (null: the console's default); audited. */
export function setDepartmentAnswerSeconds(
	ctx: Ctx,
	adminId: number,
	departmentId: number,
	answerSeconds: number | null
) {
	if (!updateDepartmentAnswerSeconds(ctx.db, departmentId, answerSeconds))
		throw notFound(`department ${departmentId} does not exist`);
	audit(ctx, {
		actorKind: 'user',
		actorId: adminId,
		action: 'admin.department',
		target: `department:${departmentId}`,
		detail: { answerSeconds }
	});
	return { id: departmentId, answerSeconds };
}

/** The Chinese names of the active matters and departments (what a caller may be shown). */
export function chineseCatalogueNames(ctx: Ctx): string[] {
	return catalogueNames(ctx.db);
}
