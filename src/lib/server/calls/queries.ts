import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { groupWrite } from '../db/group-commit';
import { encoded, prepared, slots } from '../db/prepared';
import { reference } from '../db/reference';
import {
	agentSkills,
	agentStateLog,
	appointments,
	callEvents,
	calls,
	followUps,
	matters,
	offers,
	outcomes,
	users,
	type AgentState
} from '../db/schema';

export type CallRow = typeof calls.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;
export const LIVE_STATUSES = ['queued', 'offered', 'connected', 'wrap_up'] as const;

/** Routing facts of a matter, or undefined when unknown or inactive. */
export function matterFacts(db: Db, id: number) {
	const m = reference(db, 'matters').get(id);
	return m?.active ? m : undefined;
}

/** A language by code. */
export function languageByCode(db: Db, code: string) {
	return reference(db, 'languages').get(code);
}

/** An appointment by id. */
export function appointmentById(db: Db, id: number) {
	return prepared(db, 'appointment.byId', () =>
		db
			.select()
			.from(appointments)
			.where(eq(appointments.id, sql.placeholder('id')))
			.prepare()
	).get({ id });
}

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
	groupWrite(db, () => insert.run(encoded(offers, row)));
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
	groupWrite(db, () => update.run({ id, status, at }));
}

/** An offer by id. */
export function offerById(db: Db, id: string): OfferRow | undefined {
	return db.select().from(offers).where(eq(offers.id, id)).get();
}

/** Logs an agent state change. */
export function logAgentState(db: Db, userId: number, state: AgentState, reason?: string | null) {
	const insert = prepared(db, 'agentState.log', () =>
		db
			.insert(agentStateLog)
			.values(slots(['userId', 'state', 'reason', 'at']) as never)
			.prepare()
	);
	groupWrite(db, () =>
		insert.run({ userId, state, reason: reason ?? null, at: new Date().toISOString() })
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

/** An agent's skills as routing fields (matter skills also grant their department). */
export function skillFields(db: Db, userId: number): Record<string, number> {
	const rows = prepared(db, 'agent.skillFields', () =>
		db
			.select({
				kind: agentSkills.kind,
				code: agentSkills.code,
				matterId: agentSkills.matterId,
				level: agentSkills.level,
				dept: matters.departmentId
			})
			.from(agentSkills)
			.leftJoin(matters, eq(matters.id, agentSkills.matterId))
			.where(eq(agentSkills.userId, sql.placeholder('userId')))
			.prepare()
	).all({ userId });
	const f: Record<string, number> = {};
	for (const r of rows) {
		if (r.kind === 'matter') {
			f[`m:${r.matterId}`] = r.level;
			if (r.dept) f[`d:${r.dept}`] = Math.max(f[`d:${r.dept}`] ?? 0, r.level);
		} else if (r.kind === 'language') f[`l:${r.code}`] = r.level;
		else if (r.kind === 'sign_language') f.sign = r.level;
		else f.eld = r.level;
	}
	return f;
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
