import { and, asc, count, desc, eq, gte, inArray, isNull, lt, min, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import {
	agentStateLog,
	booths,
	callEvents,
	calls,
	matters,
	offers,
	towns,
	users
} from '../db/schema';

/** The read model of the supervisor wall: every query reads by an index, never the whole history. */

const WAITING = ['queued', 'offered'] as const;

/** The lane a stored call waits in, as SQL (urgent > green > elderly > appointment > normal). */
const laneSql = sql<string>`case
	when ${calls.priorityLane} = 'urgent' then 'urgent'
	when ${calls.priorityLane} = 'green' then 'green'
	when ${calls.elderly} = 1 then 'elderly'
	when ${calls.appointmentId} is not null then 'appointment'
	else 'normal' end`;

/** The oldest waiting calls (queued or offered) with their matter and booth, at most `limit`. */
export function waitingPage(db: Db, limit: number) {
	return db
		.select({
			call: calls,
			matterName: matters.name,
			matterNameEn: matters.nameEn,
			departmentId: matters.departmentId,
			boothName: booths.name,
			town: towns.name
		})
		.from(calls)
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.leftJoin(booths, eq(booths.id, calls.boothId))
		.leftJoin(towns, eq(towns.id, booths.townId))
		.where(inArray(calls.status, [...WAITING]))
		.orderBy(asc(calls.queuedAt), asc(calls.id))
		.limit(limit)
		.all();
}

/** How many calls wait, and the oldest arrival, per department, language and lane. */
export function waitingGroups(db: Db) {
	const waiting = inArray(calls.status, [...WAITING]);
	const of = <T>(col: T) => ({ n: count(), oldest: min(calls.queuedAt), g: col });
	return {
		total: db.select({ n: count() }).from(calls).where(waiting).get()?.n ?? 0,
		department: db
			.select(of(matters.departmentId))
			.from(calls)
			.innerJoin(matters, eq(matters.id, calls.matterId))
			.where(waiting)
			.groupBy(matters.departmentId)
			.all(),
		language: db
			.select(of(calls.language))
			.from(calls)
			.where(waiting)
			.groupBy(calls.language)
			.all(),
		lane: db.select(of(laneSql)).from(calls).where(waiting).groupBy(laneSql).all()
	};
}

/** Every step of the calls that arrived in [from, to), oldest call and step first (one query). */
export function historySince(db: Db, from: string, to: string) {
	return db
		.select({
			callId: calls.id,
			queuedAt: calls.queuedAt,
			departmentId: matters.departmentId,
			language: calls.language,
			lane: laneSql,
			type: callEvents.type,
			at: callEvents.at
		})
		.from(calls)
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.innerJoin(callEvents, eq(callEvents.callId, calls.id))
		.where(and(gte(calls.queuedAt, from), lt(calls.queuedAt, to)))
		.orderBy(asc(calls.queuedAt), asc(calls.id), asc(callEvents.id))
		.all();
}

/** Calls connected to an agent now, oldest connection first, with matter and agent name. */
export function connectedCalls(db: Db) {
	return db
		.select({
			callId: calls.id,
			agentId: calls.agentId,
			agentName: users.displayName,
			matterId: calls.matterId,
			matterName: matters.name,
			matterNameEn: matters.nameEn,
			channel: calls.channel,
			since: calls.connectedAt,
			interpreterId: calls.interpreterId
		})
		.from(calls)
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.leftJoin(users, eq(users.id, calls.agentId))
		.where(eq(calls.status, 'connected'))
		.orderBy(asc(calls.connectedAt))
		.all();
}

/** The latest state log entry (state, reason, when) of each of these users, one index seek each. */
export function latestStates(db: Db, userIds: number[]) {
	const stmt = prepared(db, 'wall.latestState', () =>
		db
			.select({
				userId: agentStateLog.userId,
				state: agentStateLog.state,
				reason: agentStateLog.reason,
				at: agentStateLog.at
			})
			.from(agentStateLog)
			.where(eq(agentStateLog.userId, sql.placeholder('userId')))
			.orderBy(desc(agentStateLog.at), desc(agentStateLog.id))
			.limit(1)
			.prepare()
	);
	return userIds.flatMap((userId) => stmt.all({ userId }));
}

/** The longest-waiting caller's arrival per department (departments with someone waiting). */
export function oldestWaitingByDepartment(db: Db) {
	return db
		.select({ departmentId: matters.departmentId, oldest: min(calls.queuedAt) })
		.from(calls)
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.where(inArray(calls.status, [...WAITING]))
		.groupBy(matters.departmentId)
		.all();
}

/**
 * Connected calls without an interpreter whose agent asked for one since the last interpreter
 * joined or left, with when they first asked (an offer to a sign-language seat, or a request
 * nobody was free for). One index seek per connected call.
 */
export function interpreterAsks(db: Db) {
	const lastChange = sql`coalesce((select max(e.at) from ${callEvents} e
		where e.call_id = ${calls.id} and e.type in ('interpreter_joined', 'interpreter_left')), '')`;
	const askedAt = sql<string | null>`(select min(x.at) from (
		select o.created_at as at from ${offers} o
			where o.call_id = ${calls.id} and o.kind = 'interpreter' and o.created_at > ${lastChange}
		union all
		select e.at from ${callEvents} e
			where e.call_id = ${calls.id} and e.type = 'interpreter_unavailable' and e.at > ${lastChange}
	) x)`;
	return db
		.select({
			callId: calls.id,
			agentId: calls.agentId,
			agentName: users.displayName,
			matterName: matters.name,
			matterNameEn: matters.nameEn,
			askedAt
		})
		.from(calls)
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.leftJoin(users, eq(users.id, calls.agentId))
		.where(and(eq(calls.status, 'connected'), isNull(calls.interpreterId)))
		.all()
		.flatMap((r) => (r.askedAt ? [{ ...r, askedAt: r.askedAt }] : []));
}
