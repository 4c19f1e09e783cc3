import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { agentSkills, languages, matters, users, type Role, type SkillKind } from '../db/schema';

export interface SkillRow {
	kind: SkillKind;
	code: string;
	matterId: number;
	level: number;
}

/** Inserts a user and their skills in one transaction; returns the new id. */
export function insertUserWithSkills(
	db: Db,
	u: { username: string; passwordHash: string; displayName: string; roles: Role[] },
	skills: SkillRow[]
): number {
	return db.transaction((tx) => {
		const { id } = tx.insert(users).values(u).returning({ id: users.id }).get();
		if (skills.length)
			tx.insert(agentSkills)
				.values(skills.map((s) => ({ ...s, userId: id })))
				.run();
		return id;
	});
}

/** Replaces every skill of a user. */
export function replaceSkills(db: Db, userId: number, skills: SkillRow[]): void {
	db.transaction((tx) => {
		tx.delete(agentSkills).where(eq(agentSkills.userId, userId)).run();
		if (skills.length)
			tx.insert(agentSkills)
				.values(skills.map((s) => ({ ...s, userId })))
				.run();
	});
}

/** Which of these matter ids exist. */
export function existingMatterIds(db: Db, ids: number[]): Set<number> {
	if (!ids.length) return new Set();
	return new Set(
		db
			.select({ id: matters.id })
			.from(matters)
			.where(inArray(matters.id, ids))
			.all()
			.map((r) => r.id)
	);
}

/** Codes of all known languages. */
export function languageCodes(db: Db): Set<string> {
	return new Set(
		db
			.select({ code: languages.code })
			.from(languages)
			.all()
			.map((r) => r.code)
	);
}

/** A user by id. */
export function userById(db: Db, id: number) {
	return db.select().from(users).where(eq(users.id, id)).get();
}

/** A user by username. */
export function usernameTaken(db: Db, username: string): boolean {
	return !!db
		.select({ id: users.id })
		.from(users)
		.where(sql`lower(${users.username}) = lower(${username})`)
		.get();
}

/** Every staff user with their skills, for the admin list. */
export function listStaff(db: Db) {
	const rows = db
		.select({
			id: users.id,
			username: users.username,
			displayName: users.displayName,
			roles: users.roles,
			active: users.active
		})
		.from(users)
		.orderBy(asc(users.id))
		.all();
	const skills = db.select().from(agentSkills).all();
	const byUser = new Map<number, SkillRow[]>();
	for (const s of skills) {
		const list = byUser.get(s.userId) ?? [];
		list.push({ kind: s.kind, code: s.code, matterId: s.matterId, level: s.level });
		byUser.set(s.userId, list);
	}
	return rows.map((r) => ({ ...r, skills: byUser.get(r.id) ?? [] }));
}

/** Skills of one user. */
export function skillsOf(db: Db, userId: number): SkillRow[] {
	return db
		.select({
			kind: agentSkills.kind,
			code: agentSkills.code,
			matterId: agentSkills.matterId,
			level: agentSkills.level
		})
		.from(agentSkills)
		.where(eq(agentSkills.userId, userId))
		.all();
}
