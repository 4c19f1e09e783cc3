import {
	and,
	asc,
	count,
	desc,
	eq,
	gt,
	gte,
	inArray,
	isNull,
	lt,
	max,
	min,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
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

/**
 * The oldest waiting calls (queued or offered) with their matter and booth, at most `limit`,
 * in `scope` (a condition over calls, matters and booths; see scope-queries.ts).
 */
export function waitingPage(db: Db, limit: number, scope?: SQL) {
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
		.where(and(inArray(calls.status, [...WAITING]), scope))
		.orderBy(asc(calls.queuedAt), asc(calls.id))
		.limit(limit)
		.all();
}

/** The calls of one wall queue (`dept:<id>`, `lang:<code>`, `lane:<lane>`), as SQL over calls and matters. */
export function queueSql(key: string): SQL {
	const [kind, id = ''] = key.split(':');
	if (kind === 'dept') return eq(matters.departmentId, Number(id));
	if (kind === 'lang') return eq(calls.language, id);
	return eq(laneSql, id);
}

/** The calls after a page's last one (oldest first by arrival, then id). */
export function afterSql(at: string, id: string): SQL {
	return or(gt(calls.queuedAt, at), and(eq(calls.queuedAt, at), gt(calls.id, id)))!;
}

/** How many calls wait under a condition over calls, matters and booths. */
export function waitingCount(db: Db, where?: SQL): number {
	return (
		db
			.select({ n: count() })
			.from(calls)
			.innerJoin(matters, eq(matters.id, calls.matterId))
			.leftJoin(booths, eq(booths.id, calls.boothId))
			.where(and(inArray(calls.status, [...WAITING]), where))
			.get()?.n ?? 0
	);
}

type Group<T> = { g: T; n: number; oldest: string | null };

/**
 * How many calls wait, and the oldest arrival, per department, language and lane (in `scope`):
 * one pass over the waiting calls (by the status index), grouped by all three, then summed per kind.
 */
export function waitingGroups(db: Db, scope?: SQL) {
	const rows = db
		.select({
			dept: matters.departmentId,
			language: calls.language,
			lane: laneSql,
			n: count(),
			oldest: min(calls.queuedAt)
		})
		.from(calls)
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.leftJoin(booths, eq(booths.id, calls.boothId))
		.where(and(inArray(calls.status, [...WAITING]), scope))
		.groupBy(matters.departmentId, calls.language, laneSql)
		.all();
	const sum = <T>(key: (r: (typeof rows)[number]) => T): Group<T>[] => {
		const out = new Map<T, Group<T>>();
		for (const r of rows) {
			const g = out.get(key(r)) ?? { g: key(r), n: 0, oldest: null };
			g.n += r.n;
			if (r.oldest !== null && (g.oldest === null || r.oldest < g.oldest)) g.oldest = r.oldest;
			out.set(g.g, g);
		}
		return [...out.values()];
	};
	return {
		total: rows.reduce((n, r) => n + r.n, 0),
		department: sum((r) => r.dept),
		language: sum((r) => r.language),
		lane: sum((r) => r.lane)
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
			townId: booths.townId,
			eventId: callEvents.id,
			type: callEvents.type,
			at: callEvents.at
		})
		.from(calls)
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.innerJoin(callEvents, eq(callEvents.callId, calls.id))
		.leftJoin(booths, eq(booths.id, calls.boothId))
		.where(and(gte(calls.queuedAt, from), lt(calls.queuedAt, to)))
		.orderBy(asc(calls.queuedAt), asc(calls.id), asc(callEvents.id))
		.all();
}

/** The newest call event's id (0 with none): ids grow in commit order. */
export function lastCallEventId(db: Db): number {
	return (
		prepared(db, 'wall.lastCallEvent', () =>
			db
				.select({ id: max(callEvents.id) })
				.from(callEvents)
				.prepare()
		).get()?.id ?? 0
	);
}

/** The call events written after `id`, oldest first (a read by primary key). */
export function callEventsAfter(db: Db, id: number) {
	return prepared(db, 'wall.eventsAfter', () =>
		db
			.select({
				id: callEvents.id,
				callId: callEvents.callId,
				type: callEvents.type,
				at: callEvents.at
			})
			.from(callEvents)
			.where(gt(callEvents.id, sql.placeholder('id')))
			.orderBy(asc(callEvents.id))
			.prepare()
	).all({ id });
}

/** What the wall's queues need of these calls now: arrival, department, language and lane. */
export function callFacts(db: Db, ids: string[]) {
	const out = new Map<
		string,
		{
			queuedAt: string;
			departmentId: number;
			language: string;
			lane: string;
			townId: number | null;
		}
	>();
	for (let i = 0; i < ids.length; i += 500) {
		const rows = db
			.select({
				id: calls.id,
				queuedAt: calls.queuedAt,
				departmentId: matters.departmentId,
				language: calls.language,
				lane: laneSql,
				townId: booths.townId
			})
			.from(calls)
			.innerJoin(matters, eq(matters.id, calls.matterId))
			.leftJoin(booths, eq(booths.id, calls.boothId))
			.where(inArray(calls.id, ids.slice(i, i + 500)))
			.all();
		for (const { id, ...f } of rows) out.set(id, f);
	}
	return out;
}

/** Calls connected to an agent now (in `scope`), oldest connection first, with matter and agent name. */
export function connectedCalls(db: Db, scope?: SQL) {
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
		.leftJoin(booths, eq(booths.id, calls.boothId))
		.where(and(eq(calls.status, 'connected'), scope))
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
