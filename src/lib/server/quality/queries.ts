import { and, asc, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import {
	booths,
	calls,
	departments,
	followUps,
	followUpSteps,
	matters,
	outcomes,
	ratings,
	towns,
	users
} from '../db/schema';

export type CaseRow = typeof followUps.$inferSelect;

/** Which cases a viewer sees: the owner's own, a scope's (SQL over calls/matters/booths), or all. */
export interface CaseFilter {
	ownerOnly?: number;
	scopeSql?: SQL;
	kind?: 'rectification' | 'not_done';
	status?: string;
	ownerId?: number;
	overdue?: boolean;
}

/** "Overdue on `today`": the contact deadline passed unverified, or the due date unrectified. */
const overdueSql = (today: string) =>
	sql<number>`(${followUps.status} <> 'closed' and ((${followUps.verifiedAt} is null and ${followUps.contactDueAt} < ${today}) or (${followUps.rectifiedAt} is null and ${followUps.dueAt} < ${today})))`;

function where(f: CaseFilter, today: string) {
	return and(
		f.ownerOnly !== undefined ? eq(followUps.ownerId, f.ownerOnly) : undefined,
		f.scopeSql,
		f.kind ? eq(followUps.kind, f.kind) : undefined,
		f.status === 'active'
			? ne(followUps.status, 'closed')
			: f.status
				? eq(followUps.status, f.status as CaseRow['status'])
				: undefined,
		f.ownerId !== undefined ? eq(followUps.ownerId, f.ownerId) : undefined,
		f.overdue === undefined
			? undefined
			: f.overdue
				? sql`${overdueSql(today)} = 1`
				: sql`${overdueSql(today)} = 0`
	);
}

const joined = (db: Db, today: string) =>
	db
		.select({
			c: followUps,
			overdue: overdueSql(today).mapWith(Boolean),
			ownerName: users.displayName,
			matter: matters.name,
			matterEn: matters.nameEn,
			department: departments.name,
			departmentEn: departments.nameEn,
			score: ratings.score
		})
		.from(followUps)
		.innerJoin(calls, eq(calls.id, followUps.callId))
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.innerJoin(departments, eq(departments.id, matters.departmentId))
		.leftJoin(booths, eq(booths.id, calls.boothId))
		.leftJoin(users, eq(users.id, followUps.ownerId))
		.leftJoin(ratings, eq(ratings.callId, followUps.callId));

/** One page of cases, overdue first, then by due date; with the totals of the filter. */
export function listCases(db: Db, f: CaseFilter, today: string, offset: number, limit: number) {
	const cond = where(f, today);
	const rows = joined(db, today)
		.where(cond)
		.orderBy(desc(overdueSql(today)), asc(followUps.dueAt), asc(followUps.id))
		.limit(limit)
		.offset(offset)
		.all();
	const totals = db
		.select({
			total: count(),
			overdue: sql<number>`coalesce(sum(${overdueSql(today)}), 0)`.mapWith(Number)
		})
		.from(followUps)
		.innerJoin(calls, eq(calls.id, followUps.callId))
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.leftJoin(booths, eq(booths.id, calls.boothId))
		.where(cond)
		.get();
	return { rows, total: totals?.total ?? 0, overdueTotal: totals?.overdue ?? 0 };
}

/** One case with its list fields, and whether it is in the viewer's scope (null: no such case). */
export function caseById(db: Db, id: number, today: string, scopeSql?: SQL) {
	const row = joined(db, today).where(eq(followUps.id, id)).get();
	if (!row) return null;
	const inScope =
		!scopeSql ||
		!!joined(db, today)
			.where(and(eq(followUps.id, id), scopeSql))
			.get();
	return { ...row, inScope };
}

/** The call behind a case as its handler saw it, with its outcome and rating. */
export function caseCall(db: Db, callId: string) {
	const call = db
		.select({
			channel: calls.channel,
			booth: booths.name,
			town: towns.name,
			townEn: towns.nameEn,
			language: calls.language,
			queuedAt: calls.queuedAt,
			connectedAt: calls.connectedAt,
			endedAt: calls.endedAt,
			callerIdMasked: calls.callerIdMasked,
			notes: calls.notes
		})
		.from(calls)
		.leftJoin(booths, eq(booths.id, calls.boothId))
		.leftJoin(towns, eq(towns.id, booths.townId))
		.where(eq(calls.id, callId))
		.get();
	const outcome = db
		.select({ outcome: outcomes.outcome, notes: outcomes.notes, mailResults: outcomes.mailResults })
		.from(outcomes)
		.where(eq(outcomes.callId, callId))
		.get();
	const rating = db
		.select({ score: ratings.score, reasons: ratings.reasons, comment: ratings.comment })
		.from(ratings)
		.where(eq(ratings.callId, callId))
		.get();
	return { call, outcome: outcome ?? null, rating: rating ?? null };
}

/** The steps recorded on a case, oldest first, with who recorded them. */
export function stepsOf(db: Db, id: number) {
	return db
		.select({
			id: followUpSteps.id,
			step: followUpSteps.step,
			detail: followUpSteps.detail,
			note: followUpSteps.note,
			actorId: followUpSteps.actorId,
			actorName: users.displayName,
			at: followUpSteps.at
		})
		.from(followUpSteps)
		.leftJoin(users, eq(users.id, followUpSteps.actorId))
		.where(eq(followUpSteps.followUpId, id))
		.orderBy(asc(followUpSteps.id))
		.all();
}

/**
 * Records a step: the case changes only if it is still at `version` (false otherwise: someone
 * else changed it first), and the step is logged in the same transaction.
 */
export function recordStep(
	db: Db,
	id: number,
	version: number,
	patch: Partial<CaseRow>,
	step: typeof followUpSteps.$inferInsert
): boolean {
	return db.transaction((tx) => {
		const r = tx
			.update(followUps)
			.set({ ...patch, version: version + 1 })
			.where(and(eq(followUps.id, id), eq(followUps.version, version)))
			.run();
		if (r.changes === 0) return false;
		tx.insert(followUpSteps).values(step).run();
		return true;
	});
}

/** The owners of the cases a filter sees, by name (the list's owner filter). */
export function ownersOf(db: Db, f: CaseFilter) {
	return db
		.selectDistinct({ id: users.id, name: users.displayName })
		.from(followUps)
		.innerJoin(calls, eq(calls.id, followUps.callId))
		.innerJoin(matters, eq(matters.id, calls.matterId))
		.leftJoin(booths, eq(booths.id, calls.boothId))
		.innerJoin(users, eq(users.id, followUps.ownerId))
		.where(where({ ...f, status: undefined, overdue: undefined, ownerId: undefined }, ''))
		.orderBy(asc(users.displayName))
		.all();
}
