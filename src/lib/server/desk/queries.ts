import { alias } from 'drizzle-orm/sqlite-core';
import { and, desc, eq, gte, inArray, or } from 'drizzle-orm';
import type { Db } from '../db';
import {
	agentSkills,
	agentStateLog,
	calls,
	departments,
	languages,
	matters,
	outcomes,
	ratings,
	users
} from '../db/schema';

/** The agent's calls connected since `since`, newest first, with outcome and rating. */
export function callsSince(db: Db, agentId: number, since: string) {
	return db
		.select({
			callId: calls.id,
			status: calls.status,
			channel: calls.channel,
			matterId: calls.matterId,
			matterName: matters.name,
			matterNameEn: matters.nameEn,
			connectedAt: calls.connectedAt,
			wrapUpAt: calls.wrapUpAt,
			endedAt: calls.endedAt,
			outcome: outcomes.outcome,
			mailResults: outcomes.mailResults,
			score: ratings.score
		})
		.from(calls)
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.leftJoin(outcomes, eq(outcomes.callId, calls.id))
		.leftJoin(ratings, eq(ratings.callId, calls.id))
		.where(and(eq(calls.agentId, agentId), gte(calls.connectedAt, since)))
		.orderBy(desc(calls.connectedAt))
		.limit(200)
		.all();
}

/** The agent's most recent state log entry (the reason of a break, who set it). */
export function lastStateEntry(db: Db, agentId: number) {
	const changer = alias(users, 'changer');
	return db
		.select({
			state: agentStateLog.state,
			reason: agentStateLog.reason,
			at: agentStateLog.at,
			changedBy: agentStateLog.changedBy,
			changedByName: changer.displayName
		})
		.from(agentStateLog)
		.leftJoin(changer, eq(changer.id, agentStateLog.changedBy))
		.where(eq(agentStateLog.userId, agentId))
		.orderBy(desc(agentStateLog.id))
		.limit(1)
		.get();
}

/** The call this staff member is in right now (as its agent, or as its interpreter). */
export function liveCallOf(db: Db, agentId: number) {
	return db
		.select({ id: calls.id, status: calls.status, agentId: calls.agentId })
		.from(calls)
		.where(
			or(
				and(eq(calls.agentId, agentId), inArray(calls.status, ['connected', 'wrap_up'])),
				and(eq(calls.interpreterId, agentId), eq(calls.status, 'connected'))
			)
		)
		.orderBy(desc(calls.connectedAt))
		.all();
}

/** Saves the agent's working notes on a call. */
export function setCallNotes(db: Db, callId: string, notes: string): void {
	db.update(calls).set({ notes }).where(eq(calls.id, callId)).run();
}

/** The outcome recorded for a call, if any. */
export function outcomeOf(db: Db, callId: string) {
	return db.select().from(outcomes).where(eq(outcomes.callId, callId)).get();
}

/** Display names of users by id. */
export function namesOf(db: Db, ids: number[]) {
	if (!ids.length) return [];
	return db
		.select({ id: users.id, displayName: users.displayName })
		.from(users)
		.where(inArray(users.id, ids))
		.all();
}

/** What a colleague speaks and which departments' matters they handle (the transfer list). */
export function colleagueDetails(db: Db, ids: number[]) {
	if (!ids.length) return [];
	const people = db
		.select({ id: users.id, username: users.username, displayName: users.displayName })
		.from(users)
		.where(inArray(users.id, ids))
		.all();
	const spoken = db
		.selectDistinct({
			userId: agentSkills.userId,
			code: languages.code,
			name: languages.name,
			nameEn: languages.nameEn
		})
		.from(agentSkills)
		.innerJoin(languages, eq(languages.code, agentSkills.code))
		.where(and(inArray(agentSkills.userId, ids), eq(agentSkills.kind, 'language')))
		.all();
	const depts = db
		.selectDistinct({
			userId: agentSkills.userId,
			id: departments.id,
			name: departments.name,
			nameEn: departments.nameEn
		})
		.from(agentSkills)
		.innerJoin(matters, eq(matters.id, agentSkills.matterId))
		.innerJoin(departments, eq(departments.id, matters.departmentId))
		.where(and(inArray(agentSkills.userId, ids), eq(agentSkills.kind, 'matter')))
		.all();
	return people.map((p) => ({
		...p,
		languages: spoken.filter((l) => l.userId === p.id).map(({ userId: _, ...l }) => l),
		departments: depts.filter((d) => d.userId === p.id).map(({ userId: _, ...d }) => d)
	}));
}
