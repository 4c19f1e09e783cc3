import { and, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { boothLogInTowns } from '../booths/queries';
import { prepared } from '../db/prepared';
import {
	agentSkills,
	agentStateLog,
	auditLog,
	callEvents,
	booths,
	calls,
	departments,
	matters,
	supervisorScopes,
	towns,
	users
} from '../db/schema';

/** The stored scope of a supervisor (no rows: empty lists). */
export function scopeRows(db: Db, userId: number) {
	const rows = db
		.select({ kind: supervisorScopes.kind, refId: supervisorScopes.refId })
		.from(supervisorScopes)
		.where(eq(supervisorScopes.userId, userId))
		.all();
	const of = (k: 'department' | 'town') =>
		rows
			.filter((r) => r.kind === k)
			.map((r) => r.refId)
			.sort((a, b) => a - b);
	return { departmentIds: of('department'), townIds: of('town') };
}

/** Replaces a supervisor's scope in one transaction. */
export function replaceScope(
	db: Db,
	userId: number,
	scope: { departmentIds: number[]; townIds: number[] }
) {
	db.transaction((tx) => {
		tx.delete(supervisorScopes).where(eq(supervisorScopes.userId, userId)).run();
		const rows = [
			...scope.departmentIds.map((refId) => ({ userId, kind: 'department' as const, refId })),
			...scope.townIds.map((refId) => ({ userId, kind: 'town' as const, refId }))
		];
		if (rows.length) tx.insert(supervisorScopes).values(rows).run();
	});
}

/** True for an active account with the supervisor role. */
export function isSupervisor(db: Db, userId: number): boolean {
	const u = db
		.select({ roles: users.roles, active: users.active })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	return !!u && u.active && u.roles.includes('supervisor');
}

export const departmentExists = (db: Db, id: number) =>
	!!db.select({ id: departments.id }).from(departments).where(eq(departments.id, id)).get();

export const townExists = (db: Db, id: number) =>
	!!db.select({ id: towns.id }).from(towns).where(eq(towns.id, id)).get();

/** The departments and towns of a scope with their names. */
export function scopeNames(db: Db, scope: { departmentIds: number[]; townIds: number[] }) {
	return {
		departments: scope.departmentIds.length
			? db
					.select({ id: departments.id, name: departments.name, nameEn: departments.nameEn })
					.from(departments)
					.where(inArray(departments.id, scope.departmentIds))
					.all()
			: [],
		towns: scope.townIds.length
			? db
					.select({ id: towns.id, name: towns.name, nameEn: towns.nameEn })
					.from(towns)
					.where(inArray(towns.id, scope.townIds))
					.all()
			: []
	};
}

/** A call's department and booth town (null for phone calls), one index seek. */
export function callPlace(db: Db, callId: string) {
	const stmt = prepared(db, 'scope.callPlace', () =>
		db
			.select({ departmentId: matters.departmentId, townId: booths.townId })
			.from(calls)
			.innerJoin(matters, eq(matters.id, calls.matterId))
			.leftJoin(booths, eq(booths.id, calls.boothId))
			.where(eq(calls.id, sql.placeholder('callId')))
			.prepare()
	);
	return stmt.get({ callId });
}

type ScopeLists = { departmentIds: number[]; townIds: number[] };

export function callInScope(db: Db, scope: ScopeLists, callId: string): boolean {
	const p = callPlace(db, callId);
	return (
		!!p &&
		(scope.departmentIds.includes(p.departmentId) ||
			(p.townId !== null && scope.townIds.includes(p.townId)))
	);
}

/**
 * The SQL condition "the call is in scope" over `calls` joined with `matters` and (left)
 * `booths`; undefined for the whole district.
 */
export function callScopeSql(scope: ScopeLists | null): SQL | undefined {
	if (!scope) return undefined;
	const parts = [
		scope.departmentIds.length ? inArray(matters.departmentId, scope.departmentIds) : undefined,
		scope.townIds.length ? inArray(booths.townId, scope.townIds) : undefined
	].filter((p): p is SQL => !!p);
	return parts.length ? or(...parts) : sql`0`;
}

/** The agents in scope: by department or town, or by a matter skill of a department. */
export function agentIdsInScope(db: Db, scope: ScopeLists): Set<number> {
	const ids = new Set<number>();
	const own = [
		scope.departmentIds.length ? inArray(users.departmentId, scope.departmentIds) : undefined,
		scope.townIds.length ? inArray(users.townId, scope.townIds) : undefined
	].filter((p): p is SQL => !!p);
	if (own.length)
		for (const r of db
			.select({ id: users.id })
			.from(users)
			.where(or(...own))
			.all())
			ids.add(r.id);
	if (scope.departmentIds.length)
		for (const r of db
			.selectDistinct({ id: agentSkills.userId })
			.from(agentSkills)
			.innerJoin(matters, eq(matters.id, agentSkills.matterId))
			.where(
				and(eq(agentSkills.kind, 'matter'), inArray(matters.departmentId, scope.departmentIds))
			)
			.all())
			ids.add(r.id);
	return ids;
}

/** Whether one agent is in scope (a few index seeks). */
export function agentInScope(db: Db, scope: ScopeLists, agentId: number): boolean {
	const u = prepared(db, 'scope.agentPlace', () =>
		db
			.select({ departmentId: users.departmentId, townId: users.townId })
			.from(users)
			.where(eq(users.id, sql.placeholder('id')))
			.prepare()
	).get({ id: agentId });
	if (!u) return false;
	if (u.departmentId !== null && scope.departmentIds.includes(u.departmentId)) return true;
	if (u.townId !== null && scope.townIds.includes(u.townId)) return true;
	if (!scope.departmentIds.length) return false;
	const depts = prepared(db, 'scope.agentDepartments', () =>
		db
			.selectDistinct({ departmentId: matters.departmentId })
			.from(agentSkills)
			.innerJoin(matters, eq(matters.id, agentSkills.matterId))
			.where(and(eq(agentSkills.userId, sql.placeholder('id')), eq(agentSkills.kind, 'matter')))
			.prepare()
	).all({ id: agentId });
	return depts.some((d) => scope.departmentIds.includes(d.departmentId));
}

/** A booth's town, or null when there is no such booth. */
export function boothTown(db: Db, boothId: number): number | null {
	return (
		prepared(db, 'scope.boothTown', () =>
			db
				.select({ townId: booths.townId })
				.from(booths)
				.where(eq(booths.id, sql.placeholder('id')))
				.prepare()
		).get({ id: boothId })?.townId ?? null
	);
}

/** Whether a booth of this town is in scope (null scope: every booth). */
export function boothInScope(scope: ScopeLists | null, townId: number | null): boolean {
	return !scope || (townId !== null && scope.townIds.includes(townId));
}

/** The ids of the calls in scope, as a subquery. */
export function callIdsInScope(db: Db, scope: ScopeLists) {
	return db
		.select({ id: calls.id })
		.from(calls)
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.leftJoin(booths, eq(booths.id, calls.boothId))
		.where(callScopeSql(scope));
}

/**
 * What of the audit trail a scoped supervisor sees: the history of the calls and agents in
 * scope, and audit entries by or about them (and the supervisor's own).
 */
export function auditScopeSql(db: Db, scope: ScopeLists, viewerId: number) {
	const agents = [...agentIdsInScope(db, scope), viewerId];
	const callIds = callIdsInScope(db, scope);
	return {
		call: inArray(callEvents.callId, callIds),
		agentState: inArray(agentStateLog.userId, agents),
		boothState: boothLogInTowns(scope.townIds),
		audit: or(
			inArray(auditLog.actorId, agents),
			inArray(
				auditLog.target,
				agents.map((id) => `user:${id}`)
			),
			and(like(auditLog.target, 'call:%'), inArray(sql`substr(${auditLog.target}, 6)`, callIds))
		)
	};
}
