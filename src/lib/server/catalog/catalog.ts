import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { matters } from '../db/schema';
import { audit } from '../audit/audit';
import { notFound } from '../errors';
import {
	listDepartments,
	listLanguages,
	searchMatters,
	updateDepartmentAnswerSeconds
} from './queries';

/** Matter search for the public API and pages. */
export function findMatters(ctx: Ctx, q: { q?: string; departmentId?: number; limit: number }) {
	return searchMatters(ctx.db, q);
}

/** Languages a caller can pick. */
export function languages(ctx: Ctx) {
	return listLanguages(ctx.db);
}

/** The most used matters (booth quick buttons), with what to prepare. */
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
