import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { groupWrite } from '../db/group-commit';
import { encoded, prepared, slots } from '../db/prepared';
import { callEvents, calls, departments, followUps, matters, offers, outcomes } from '../db/schema';
import { windowConditions, type HistoryWindow } from '../db/history';
import { offersTotal } from '../telemetry';

export type CallRow = typeof calls.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;
export const LIVE_STATUSES = ['queued', 'offered', 'connected', 'wrap_up'] as const;

/** A call by id. */
export function callById(db: Db, id: string): CallRow | undefined {
	return prepared(db, 'call.byId', () =>
		db
			.select()
			.from(calls)
			.where(eq(calls.id, sql.placeholder('id')))
			.prepare()
	).get({ id });
}

/**
 * The booth's call that still occupies it, if any. A call in wrap-up no longer does: the citizen
 * has left (or is rating) while the agent writes up, and the next citizen may start.
 */
export function liveCallOfBooth(db: Db, boothId: number) {
	return db
		.select({ id: calls.id })
		.from(calls)
		.where(
			and(eq(calls.boothId, boothId), inArray(calls.status, ['queued', 'offered', 'connected']))
		)
		.get();
}

/** Every call still in progress (recovery). */
export function liveCalls(db: Db): CallRow[] {
	return db
		.select()
		.from(calls)
		.where(inArray(calls.status, [...LIVE_STATUSES]))
		.orderBy(asc(calls.queuedAt))
		.all();
}

/** The outcome the agent recorded for a call, if any. */
export function outcomeOfCall(db: Db, callId: string) {
	return db.select().from(outcomes).where(eq(outcomes.callId, callId)).get();
}

/** Inserts a call with its first event; returns the call as stored. */
export function insertCall(db: Db, row: typeof calls.$inferInsert, at: string): CallRow {
	const keys = Object.keys(row).sort();
	const insert = prepared(db, `call.insert:${keys.join()}`, () =>
		db
			.insert(calls)
			.values(slots(keys) as never)
			.returning()
			.prepare()
	);
	return groupWrite(
		db,
		() => {
			const stored = insert.get(encoded(calls, row))!;
			insertEvent(db, { callId: row.id, type: 'created', to: row.status, reason: 'caller', at });
			return stored;
		},
		true
	);
}

export interface Transition {
	callId: string;
	type: string;
	from?: string | null;
	to?: string | null;
	agentId?: number | null;
	reason?: string | null;
	detail?: Record<string, unknown>;
	at: string;
	patch?: Partial<typeof calls.$inferInsert>;
	/**
	 * Live-state version the change comes from: the patch applies only when newer than what the
	 * row reflects (several processes record changes of one call, not necessarily in order).
	 * `final` (ended, abandoned) always applies and is never overwritten.
	 */
	version?: number | 'final';
}

const FINAL = 1_000_000_000;
const EVENT_KEYS = [
	'callId',
	'type',
	'fromStatus',
	'toStatus',
	'agentId',
	'reason',
	'detail',
	'at'
];

function insertEvent(db: Db, t: Omit<Transition, 'patch' | 'version'>): void {
	prepared(db, 'callEvent.insert', () =>
		db
			.insert(callEvents)
			.values(slots(EVENT_KEYS) as never)
			.prepare()
	).run(
		encoded(callEvents, {
			callId: t.callId,
			type: t.type,
			fromStatus: t.from ?? null,
			toStatus: t.to ?? null,
			agentId: t.agentId ?? null,
			reason: t.reason ?? null,
			detail: t.detail ?? null,
			at: t.at
		})
	);
}

/** Applies a patch to a call when `below` is above the row's live version; true when applied. */
function patchCall(db: Db, id: string, patch: Record<string, unknown>, below: number): boolean {
	const keys = Object.keys(patch).sort();
	const update = prepared(db, `call.patch:${keys.join()}`, () =>
		db
			.update(calls)
			.set(slots(keys) as never)
			.where(
				and(
					eq(calls.id, sql.placeholder('whereId')),
					lt(calls.liveVersion, sql.placeholder('whereBelow'))
				)
			)
			.prepare()
	);
	return update.run({ ...encoded(calls, patch), whereId: id, whereBelow: below }).changes > 0;
}

/** Records a call change as an event and applies its patch unless outdated; true when applied. */
export function recordTransition(db: Db, t: Transition, extra?: (tx: Db) => void): boolean {
	return groupWrite(db, () => recordIn(db, t, extra), true);
}

function recordIn(db: Db, t: Transition, extra?: (tx: Db) => void): boolean {
	let applied = true;
	if (t.patch && Object.keys(t.patch).length) {
		const v = t.version === 'final' ? FINAL : t.version;
		applied =
			v === undefined
				? patchCall(db, t.callId, t.patch, FINAL)
				: patchCall(db, t.callId, { ...t.patch, liveVersion: v }, v);
	}
	insertEvent(db, t);
	extra?.(db);
	return applied;
}

/** Inserts an offer row (idempotent). */
export function insertOffer(db: Db, row: typeof offers.$inferInsert): void {
	const keys = Object.keys(row).sort();
	const insert = prepared(db, `offer.insert:${keys.join()}`, () =>
		db
			.insert(offers)
			.values(slots(keys) as never)
			.onConflictDoNothing()
			.prepare()
	);
	const r = groupWrite(db, () => insert.run(encoded(offers, row)));
	if (r.changes > 0) offersTotal.inc({ outcome: 'offered' });
}

/** Marks an offer answered. */
export function answerOffer(db: Db, id: string, status: OfferRow['status'], at: string): void {
	const update = prepared(db, 'offer.answer', () =>
		db
			.update(offers)
			.set({ status: sql.placeholder('status'), respondedAt: sql.placeholder('at') } as never)
			.where(eq(offers.id, sql.placeholder('id')))
			.prepare()
	);
	const r = groupWrite(db, () => update.run({ id, status, at }));
	if (r.changes > 0) offersTotal.inc({ outcome: status });
}

/** An offer by id. */
export function offerById(db: Db, id: string): OfferRow | undefined {
	return db.select().from(offers).where(eq(offers.id, id)).get();
}

/** Stores the agent's outcome of a call. */
export function insertOutcome(db: Db, row: typeof outcomes.$inferInsert): void {
	db.insert(outcomes).values(row).onConflictDoNothing().run();
}

/** Opens a supervisor follow-up item for a call. */
export function insertFollowUp(db: Db, row: typeof followUps.$inferInsert): void {
	db.insert(followUps).values(row).run();
}

/** The events of a call, oldest first. */
export function eventsOf(db: Db, callId: string) {
	return db
		.select()
		.from(callEvents)
		.where(eq(callEvents.callId, callId))
		.orderBy(asc(callEvents.id))
		.all();
}

/** Offers of a call, oldest first. */
export function offersOf(db: Db, callId: string): OfferRow[] {
	return db
		.select()
		.from(offers)
		.where(eq(offers.callId, callId))
		.orderBy(asc(offers.createdAt), sql`rowid`)
		.all();
}

/** The call a caller token belongs to. */
export function callIdByTokenHash(db: Db, tokenHash: string): string | undefined {
	return db.select({ id: calls.id }).from(calls).where(eq(calls.callerTokenHash, tokenHash)).get()
		?.id;
}

/** Call events for the audit viewer, newest first: of one call, one person, or one event type. */
export function callEventsWindow(
	db: Db,
	f: HistoryWindow & { callId?: string; agentId?: number; type?: string }
) {
	return db
		.select()
		.from(callEvents)
		.where(
			and(
				...windowConditions(callEvents.at, callEvents.id, f),
				f.callId ? eq(callEvents.callId, f.callId) : undefined,
				f.agentId ? eq(callEvents.agentId, f.agentId) : undefined,
				f.type ? eq(callEvents.type, f.type) : undefined
			)
		)
		.orderBy(desc(callEvents.at), desc(callEvents.id))
		.limit(f.limit)
		.all();
}

/**
 * Takes back a call that was never accepted (its live state could not be written): the call, its
 * events and offers go, as if it had never been made.
 */
export function deleteCall(db: Db, id: string): void {
	groupWrite(
		db,
		() => {
			db.delete(offers).where(eq(offers.callId, id)).run();
			db.delete(callEvents).where(eq(callEvents.callId, id)).run();
			db.delete(calls).where(eq(calls.id, id)).run();
		},
		true
	);
}

/** Calls waiting for an agent (queued or offered) by department code. */
export function waitingByDepartment(db: Db): { code: string; n: number }[] {
	return db
		.select({ code: departments.code, n: sql<number>`count(*)` })
		.from(calls)
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.innerJoin(departments, eq(departments.id, matters.departmentId))
		.where(inArray(calls.status, ['queued', 'offered']))
		.groupBy(departments.code)
		.all();
}

/** How many calls asked for each matter since an instant: everywhere, or from some booths. */
export function callsPerMatter(db: Db, since: string, boothIds?: number[]): Map<number, number> {
	const where = [sql`${calls.queuedAt} >= ${since}`];
	if (boothIds) {
		if (!boothIds.length) return new Map();
		where.push(inArray(calls.boothId, boothIds));
	}
	const rows = db
		.select({ id: calls.matterId, n: sql<number>`count(*)` })
		.from(calls)
		.where(and(...where))
		.groupBy(calls.matterId)
		.all();
	return new Map(rows.map((r) => [r.id, r.n]));
}
