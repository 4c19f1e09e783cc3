import { asc, eq } from 'drizzle-orm';
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

/** Every active matter with its department and its prior demand (the search index's input). */
export function activeMatters(db: Db) {
	return db
		.select({ ...matterColumns, popularity: matters.popularity })
		.from(matters)
		.innerJoin(departments, eq(departments.id, matters.departmentId))
		.where(eq(matters.active, true))
		.orderBy(asc(matters.id))
		.all();
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
