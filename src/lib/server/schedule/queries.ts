import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { connectionOf, type OnConnection } from '../db/prepared';
import { referenceVersion } from '../db/reference';
import {
	booths,
	departments,
	extendedSessions,
	matters,
	languageRoster,
	rosterEntries,
	scheduleAssignments,
	scheduleExceptions,
	schedules,
	sessionMatters,
	users
} from '../db/schema';
import { DEFAULT_HOURS, type Interval } from './hours';
import type { DayException, PlanData, SessionDef, Week } from './plan';

/** Every schedule, the default first. */
export function listSchedules(db: Db) {
	return db
		.select()
		.from(schedules)
		.orderBy(sql`${schedules.isDefault} DESC`, asc(schedules.id))
		.all();
}

export function scheduleById(db: Db, id: number) {
	return db.select().from(schedules).where(eq(schedules.id, id)).get();
}

export function defaultSchedule(db: Db) {
	return db.select().from(schedules).where(eq(schedules.isDefault, true)).get();
}

export function listAssignments(db: Db) {
	return db.select().from(scheduleAssignments).all();
}

export function listSessions(db: Db) {
	return db
		.select()
		.from(extendedSessions)
		.orderBy(asc(extendedSessions.weekday), asc(extendedSessions.id))
		.all();
}

export function sessionById(db: Db, id: number) {
	return db.select().from(extendedSessions).where(eq(extendedSessions.id, id)).get();
}

/** The matters a session covers, with their department. */
export function sessionMatterList(db: Db, sessionId: number) {
	return db
		.select({
			id: matters.id,
			name: matters.name,
			nameEn: matters.nameEn,
			level: matters.level,
			departmentName: departments.name,
			departmentNameEn: departments.nameEn
		})
		.from(sessionMatters)
		.innerJoin(matters, eq(matters.id, sessionMatters.matterId))
		.innerJoin(departments, eq(departments.id, matters.departmentId))
		.where(eq(sessionMatters.sessionId, sessionId))
		.orderBy(asc(matters.level), asc(matters.id))
		.all();
}

/** Active matter ids of a department (bulk choice by department). */
export function matterIdsOfDepartment(db: Db, departmentId: number): number[] {
	return db
		.select({ id: matters.id })
		.from(matters)
		.where(and(eq(matters.departmentId, departmentId), eq(matters.active, true)))
		.all()
		.map((r) => r.id);
}

export function existingMatterIds(db: Db, ids: number[]): number[] {
	if (!ids.length) return [];
	return db
		.select({ id: matters.id })
		.from(matters)
		.where(inArray(matters.id, ids))
		.all()
		.map((r) => r.id);
}

export function listExceptionRows(db: Db, from?: string, to?: string) {
	const q = db.select().from(scheduleExceptions);
	return (from && to ? q.where(between(scheduleExceptions.date, from, to)) : q)
		.orderBy(asc(scheduleExceptions.date))
		.all();
}

export function exceptionRow(db: Db, date: string) {
	return db.select().from(scheduleExceptions).where(eq(scheduleExceptions.date, date)).get();
}

/** Extended-session rosters and language-hours rosters (外语坐席). */
export type RosterKind = 'session' | 'language';
export interface RosterTarget {
	kind: RosterKind;
	/** The extended session's id, or the language schedule's. */
	id: number;
}

/** The table of a kind of roster and its target column (the two tables have the same shape). */
export function rosterTable(kind: RosterKind) {
	return kind === 'session'
		? { table: rosterEntries, target: rosterEntries.sessionId }
		: {
				table: languageRoster as unknown as typeof rosterEntries,
				target: languageRoster.scheduleId
			};
}

/** A row of a kind of roster, as its table's insert takes it. */
export const rosterRow = (kind: RosterKind, date: string, targetId: number, agentId: number) =>
	(kind === 'session'
		? { date, sessionId: targetId, agentId }
		: { date, scheduleId: targetId, agentId }) as typeof rosterEntries.$inferInsert;

/** Roster entries of one kind between two dates (inclusive), with the seat's name. */
export function rosterBetween(
	db: Db,
	from: string,
	to: string,
	agentId?: number,
	kind: RosterKind = 'session'
) {
	const { table, target } = rosterTable(kind);
	const where = [between(table.date, from, to)];
	if (agentId !== undefined) where.push(eq(table.agentId, agentId));
	return db
		.select({
			date: table.date,
			sessionId: target,
			agentId: table.agentId,
			displayName: users.displayName,
			username: users.username
		})
		.from(table)
		.innerJoin(users, eq(users.id, table.agentId))
		.where(and(...where))
		.orderBy(asc(table.date), asc(target), asc(users.displayName))
		.all();
}

/** Agent ids rostered for a session (or language hours) on a date. */
export function rosteredIds(db: OnConnection, date: string, target: RosterTarget): number[] {
	return rosterCache(db)
		.filter((r) => r.date === date && r.kind === target.kind && r.targetId === target.id)
		.map((r) => r.agentId);
}

/** What an agent is rostered for between two dates (routing fields). */
export function rosterOfAgent(db: OnConnection, agentId: number, from: string, to: string) {
	return rosterCache(db).filter((r) => r.agentId === agentId && r.date >= from && r.date <= to);
}

export function boothTownId(db: Db, boothId: number): number | null {
	return (
		db.select({ t: booths.townId }).from(booths).where(eq(booths.id, boothId)).get()?.t ?? null
	);
}

/** Staff who can be rostered (active agents), by name. */
export function rosterableAgents(db: Db) {
	return db
		.select({
			id: users.id,
			displayName: users.displayName,
			username: users.username,
			roles: users.roles
		})
		.from(users)
		.where(eq(users.active, true))
		.orderBy(asc(users.displayName))
		.all()
		.filter((u) => u.roles.includes('agent'))
		.map(({ roles: _r, ...u }) => u);
}

interface Cached {
	v: number;
	plan?: PlanData;
	roster?: { date: string; kind: RosterKind; targetId: number; agentId: number }[];
}
const caches = new WeakMap<object, Cached>();

function cacheOf(db: OnConnection): Cached {
	const v = referenceVersion(db);
	const conn = connectionOf(db);
	let c = caches.get(conn);
	if (!c || c.v !== v) caches.set(conn, (c = { v }));
	return c;
}

function rosterCache(db: OnConnection) {
	const c = cacheOf(db);
	// Only the coming weeks matter to routing; older entries are history.
	const from = new Date(Date.now() - 8 * 86_400_000).toISOString().slice(0, 10);
	const read = (kind: RosterKind) => {
		const { table, target } = rosterTable(kind);
		return (db as Db)
			.select({ date: table.date, targetId: target, agentId: table.agentId })
			.from(table)
			.where(sql`${table.date} >= ${from}`)
			.all()
			.map((r) => ({ ...r, kind }));
	};
	return (c.roster ??= [...read('session'), ...read('language')]);
}

/**
 * Everything the hours rules read, loaded once per connection and kept until `ref_version`
 * moves (triggers bump it on every change to schedules, sessions, rosters or exceptions in any
 * process). Callers must not modify it.
 */
export function planData(db: OnConnection): PlanData {
	const c = cacheOf(db);
	if (c.plan) return c.plan;
	const d = db as Db;
	const rows = d.select().from(schedules).all();
	const def = rows.find((r) => r.isDefault);
	const covered = new Map<number, Set<number>>();
	for (const r of d.select().from(sessionMatters).all()) {
		let s = covered.get(r.sessionId);
		if (!s) covered.set(r.sessionId, (s = new Set()));
		s.add(r.matterId);
	}
	const sessions: SessionDef[] = d
		.select()
		.from(extendedSessions)
		.all()
		.map((s) => ({
			...s,
			intervals: s.intervals as Interval[],
			matterIds: covered.get(s.id) ?? new Set()
		}));
	const exceptions = new Map<string, DayException>(
		d
			.select()
			.from(scheduleExceptions)
			.all()
			.map((e) => [e.date, { kind: e.kind, weekday: e.weekday, intervals: e.intervals }])
	);
	c.plan = {
		defaultWeek: (def?.pattern as Week | undefined) ?? DEFAULT_HOURS.regular,
		weeks: new Map(rows.map((r) => [r.id, r.pattern as Week])),
		assigned: new Map(
			d
				.select()
				.from(scheduleAssignments)
				.all()
				.map((a) => [`${a.kind}:${a.ref}`, a.scheduleId])
		),
		sessions,
		exceptions
	};
	return c.plan;
}
