import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { reference } from '../db/reference';
import { departments, languages, matters, towns } from '../db/schema';

const matterColumns = {
	id: matters.id,
	code: matters.code,
	name: matters.name,
	nameEn: matters.nameEn,
	departmentId: matters.departmentId,
	departmentName: departments.name,
	departmentNameEn: departments.nameEn,
	level: matters.level,
	weekendExtended: matters.weekendExtended
};

function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** Matters whose Chinese or English name contains every word of `q`, best matches first. */
export function searchMatters(db: Db, opts: { q?: string; departmentId?: number; limit: number }) {
	const where: SQL[] = [eq(matters.active, true)];
	if (opts.departmentId) where.push(eq(matters.departmentId, opts.departmentId));
	const words = (opts.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
	for (const w of words) {
		const pat = `%${escapeLike(w)}%`;
		where.push(
			or(
				sql`${matters.name} LIKE ${pat} ESCAPE '\\'`,
				sql`${matters.nameEn} LIKE ${pat} ESCAPE '\\'`,
				sql`${departments.name} LIKE ${pat} ESCAPE '\\'`
			)!
		);
	}
	const first = words[0] ? `${escapeLike(words[0])}%` : '';
	// Names that start with the first word rank above names that merely contain it.
	const order = [
		...(first
			? [
					sql`CASE WHEN ${matters.name} LIKE ${first} ESCAPE '\\' OR ${matters.nameEn} LIKE ${first} ESCAPE '\\' THEN 0 ELSE 1 END`
				]
			: []),
		desc(matters.popularity),
		asc(matters.id)
	];
	const base = db
		.select(matterColumns)
		.from(matters)
		.innerJoin(departments, eq(departments.id, matters.departmentId));
	const rows = base
		.where(and(...where))
		.orderBy(...order)
		.limit(opts.limit)
		.all();
	const total = db
		.select({ n: sql<number>`count(*)` })
		.from(matters)
		.innerJoin(departments, eq(departments.id, matters.departmentId))
		.where(and(...where))
		.get()!.n;
	return { matters: rows, total };
}

/** One matter with its department, or undefined. */
export function matterById(db: Db, id: number) {
	return db
		.select(matterColumns)
		.from(matters)
		.innerJoin(departments, eq(departments.id, matters.departmentId))
		.where(eq(matters.id, id))
		.get();
}

/** The active matters of a department (from the reference data). */
export function mattersOfDepartment(db: Db, departmentId: number) {
	return [...reference(db, 'matters').values()].filter(
		(m) => m.active && m.departmentId === departmentId
	);
}

/** All languages in display order. */
export function listLanguages(db: Db) {
	return db
		.select({
			code: languages.code,
			name: languages.name,
			nameEn: languages.nameEn,
			signed: languages.signed
		})
		.from(languages)
		.orderBy(asc(languages.sortOrder))
		.all();
}

/** All departments. */
export function listDepartments(db: Db) {
	return db.select().from(departments).orderBy(asc(departments.id)).all();
}

/** All towns. */
export function listTowns(db: Db) {
	return db.select().from(towns).orderBy(asc(towns.id)).all();
}

/** A town by its Chinese name. */
export function townByName(db: Db, name: string) {
	return db.select().from(towns).where(eq(towns.name, name)).get();
}

/** Routing facts of a matter, or undefined when unknown or inactive. */
export function matterFacts(db: Db, id: number) {
	const m = reference(db, 'matters').get(id);
	return m?.active ? m : undefined;
}

/** A language by code. */
export function languageByCode(db: Db, code: string) {
	return reference(db, 'languages').get(code);
}

/** Sets a department's answer threshold; false when there is no such department. */
export function updateDepartmentAnswerSeconds(
	db: Db,
	id: number,
	answerSeconds: number | null
): boolean {
	return (
		db.update(departments).set({ answerSeconds }).where(eq(departments.id, id)).run().changes > 0
	);
}
