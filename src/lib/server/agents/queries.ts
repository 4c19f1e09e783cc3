import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { rosterFields } from '../schedule/schedule';
import type { Db } from '../db';
import { groupWrite } from '../db/group-commit';
import { connectionOf, prepared, slots } from '../db/prepared';
import { referenceVersion } from '../db/reference';
import { windowConditions, type HistoryWindow } from '../db/history';
import {
	agentSkills,
	agentStateLog,
	languages,
	matters,
	users,
	type AgentState,
	type Role,
	type SkillKind
} from '../db/schema';

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

/** The ids of every matter of a department. */
export function matterIdsOfDepartment(db: Db, departmentId: number): number[] {
	return db
		.select({ id: matters.id })
		.from(matters)
		.where(eq(matters.departmentId, departmentId))
		.all()
		.map((r) => r.id);
}

/** Which of these user ids exist. */
export function existingUserIds(db: Db, ids: number[]): Set<number> {
	if (!ids.length) return new Set();
	return new Set(
		db
			.select({ id: users.id })
			.from(users)
			.where(inArray(users.id, ids))
			.all()
			.map((r) => r.id)
	);
}

/**
 * Gives skills to several users (a skill they hold already takes the new level) and takes
 * skills away, in one transaction.
 */
export function editSkills(
	db: Db,
	userIds: number[],
	set: SkillRow[],
	remove: { kind: SkillKind; code: string; matterIds: number[] | null }[]
): void {
	db.transaction((tx) => {
		for (const r of remove) {
			const conds = [inArray(agentSkills.userId, userIds), eq(agentSkills.kind, r.kind)];
			if (r.kind === 'language') conds.push(eq(agentSkills.code, r.code));
			if (r.matterIds) {
				if (!r.matterIds.length) continue;
				conds.push(inArray(agentSkills.matterId, r.matterIds));
			}
			tx.delete(agentSkills)
				.where(and(...conds))
				.run();
		}
		// in chunks: SQLite caps the variables of one statement
		const rows = userIds.flatMap((userId) => set.map((s) => ({ ...s, userId })));
		for (let i = 0; i < rows.length; i += 150)
			tx.insert(agentSkills)
				.values(rows.slice(i, i + 150))
				.onConflictDoUpdate({
					target: [agentSkills.userId, agentSkills.kind, agentSkills.code, agentSkills.matterId],
					set: { level: sql`excluded.level` }
				})
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

/** Logs an agent state change (`changedBy`: the supervisor who set it, if any). */
export function logAgentState(
	db: Db,
	userId: number,
	state: AgentState,
	reason?: string | null,
	changedBy: number | null = null
) {
	const insert = prepared(db, 'agentState.log', () =>
		db
			.insert(agentStateLog)
			.values(slots(['userId', 'state', 'reason', 'changedBy', 'at']) as never)
			.prepare()
	);
	groupWrite(db, () =>
		insert.run({ userId, state, reason: reason ?? null, changedBy, at: new Date().toISOString() })
	);
}

/** An agent's display name. */
export function displayName(db: Db, userId: number): string | undefined {
	return prepared(db, 'user.name', () =>
		db
			.select({ n: users.displayName })
			.from(users)
			.where(eq(users.id, sql.placeholder('id')))
			.prepare()
	).get({ id: userId })?.n;
}

/** A staff member as others are shown them: their id and current display name. */
export function staffAs(
	db: Db,
	user: { id: number; displayName: string }
): { userId: number; displayName: string } {
	return { userId: user.id, displayName: displayName(db, user.id) ?? user.displayName };
}

/** Whether a user exists and is an active agent. */
export function isActiveAgent(db: Db, userId: number): boolean {
	const u = prepared(db, 'user.agentFlags', () =>
		db
			.select({ roles: users.roles, active: users.active })
			.from(users)
			.where(eq(users.id, sql.placeholder('id')))
			.prepare()
	).get({ id: userId });
	return !!u && u.active && u.roles.includes('agent');
}

interface FieldRow {
	kind: string;
	code: string;
	matterId: number;
	level: number;
	dept: number | null;
}

/** Adds one skill to an agent's routing fields (matter skills also grant their department). */
function addField(f: Record<string, number>, r: FieldRow): void {
	if (r.kind === 'matter') {
		f[`m:${r.matterId}`] = r.level;
		if (r.dept) f[`d:${r.dept}`] = Math.max(f[`d:${r.dept}`] ?? 0, r.level);
	} else if (r.kind === 'language') f[`l:${r.code}`] = r.level;
	else if (r.kind === 'sign_language') f.sign = r.level;
	else f.eld = r.level;
}

const fieldColumns = {
	kind: agentSkills.kind,
	code: agentSkills.code,
	matterId: agentSkills.matterId,
	level: agentSkills.level,
	dept: matters.departmentId
};

/** An agent's skills as routing fields (matter skills also grant their department). */
export function skillFields(db: Db, userId: number): Record<string, number> {
	const rows = prepared(db, 'agent.skillFields', () =>
		db
			.select(fieldColumns)
			.from(agentSkills)
			.leftJoin(matters, eq(matters.id, agentSkills.matterId))
			.where(eq(agentSkills.userId, sql.placeholder('userId')))
			.prepare()
	).all({ userId });
	const f: Record<string, number> = {};
	for (const r of rows) addField(f, r);
	// The extended sessions the agent is rostered for, as fields routing checks.
	return Object.assign(f, rosterFields(db, userId));
}

const fieldCaches = new WeakMap<object, { v: number; byUser: Map<number, SkillFields> }>();
type SkillFields = Record<string, number>;

/**
 * Every agent's routing fields (the wall's seats), read in one query and kept per connection
 * until the reference version moves (triggers bump it on any skill change, in any process).
 * Agents with the same skills share one fields object: a seat serving two departments has a
 * field for each of their few hundred matters (some 50 KB), and seats mostly share a handful of
 * skill profiles, so 550 of them cost a few profiles instead of 28 MB of heap.
 * Callers must not modify what they get.
 */
export function allSkillFields(db: Db): Map<number, SkillFields> {
	const v = referenceVersion(db);
	const conn = connectionOf(db);
	const hit = fieldCaches.get(conn);
	if (hit && hit.v === v) return hit.byUser;
	const byUser = new Map<number, SkillFields>();
	// each agent's skills in one order, so that equal skill sets read as equal profile keys
	const rows = db
		.select({ userId: agentSkills.userId, ...fieldColumns })
		.from(agentSkills)
		.leftJoin(matters, eq(matters.id, agentSkills.matterId))
		.orderBy(
			asc(agentSkills.userId),
			asc(agentSkills.kind),
			asc(agentSkills.code),
			asc(agentSkills.matterId)
		)
		.all();
	const keys = new Map<number, string[]>();
	for (const r of rows) {
		let f = byUser.get(r.userId);
		if (!f) byUser.set(r.userId, (f = {}));
		addField(f, r);
		let key = keys.get(r.userId);
		if (!key) keys.set(r.userId, (key = []));
		key.push(`${r.kind}:${r.code ?? ''}:${r.matterId ?? ''}:${r.level}`);
	}
	const profiles = new Map<string, SkillFields>();
	for (const [userId, key] of keys) {
		const profile = key.join(',');
		const shared = profiles.get(profile);
		if (shared) byUser.set(userId, shared);
		else profiles.set(profile, byUser.get(userId)!);
	}
	fieldCaches.set(conn, { v, byUser });
	return byUser;
}

/** Every account holding the agent role (active or not), by id, without their skills. */
export function agentAccounts(db: Db) {
	return prepared(db, 'agent.accounts', () =>
		db
			.select({
				id: users.id,
				username: users.username,
				displayName: users.displayName,
				roles: users.roles
			})
			.from(users)
			.orderBy(asc(users.id))
			.prepare()
	)
		.all()
		.filter((u) => u.roles.includes('agent'));
}

/** Agent state changes for the audit viewer, newest first; `person`: the agent or who set it. */
export function agentStateWindow(db: Db, f: HistoryWindow & { userId?: number; person?: number }) {
	return db
		.select()
		.from(agentStateLog)
		.where(
			and(
				...windowConditions(agentStateLog.at, agentStateLog.id, f),
				f.userId ? eq(agentStateLog.userId, f.userId) : undefined,
				f.person
					? or(eq(agentStateLog.userId, f.person), eq(agentStateLog.changedBy, f.person))
					: undefined
			)
		)
		.orderBy(desc(agentStateLog.at), desc(agentStateLog.id))
		.limit(f.limit)
		.all();
}

/** Display names of some users, by id. */
export function displayNames(db: Db, ids: number[]): Map<number, string> {
	if (!ids.length) return new Map();
	const rows = db
		.select({ id: users.id, n: users.displayName })
		.from(users)
		.where(inArray(users.id, ids))
		.all();
	return new Map(rows.map((r) => [r.id, r.n]));
}

/** Every staff user's id and name, by name (a person picker). */
export function staffNames(db: Db) {
	return db
		.select({ id: users.id, username: users.username, displayName: users.displayName })
		.from(users)
		.orderBy(asc(users.displayName), asc(users.id))
		.all();
}
