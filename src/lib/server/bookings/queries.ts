import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	appointments,
	bookingCapacity,
	calls,
	capacityRules,
	matters,
	type AppointmentStatus
} from '../db/schema';

/** Statuses that hold a place in a slot. */
const HOLDING: AppointmentStatus[] = ['booked', 'checked_in', 'served'];

/** Places taken per slot start for a matter group (department) in [from, to). */
export function bookedBySlot(
	db: Db,
	departmentId: number,
	from: string,
	to: string
): Map<string, number> {
	const rows = db
		.select({ slotStart: appointments.slotStart, n: sql<number>`count(*)` })
		.from(appointments)
		.innerJoin(matters, eq(matters.id, appointments.matterId))
		.where(
			and(
				eq(matters.departmentId, departmentId),
				inArray(appointments.status, HOLDING),
				gte(appointments.slotStart, from),
				lt(appointments.slotStart, to)
			)
		)
		.groupBy(appointments.slotStart)
		.all();
	return new Map(rows.map((r) => [r.slotStart, r.n]));
}

/** The scheduler's capacities per slot start for a matter group in [from, to). */
export function overridesBetween(
	db: Db,
	departmentId: number,
	from: string,
	to: string
): Map<string, number> {
	const rows = db
		.select({ slotStart: bookingCapacity.slotStart, capacity: bookingCapacity.capacity })
		.from(bookingCapacity)
		.where(
			and(
				eq(bookingCapacity.departmentId, departmentId),
				gte(bookingCapacity.slotStart, from),
				lt(bookingCapacity.slotStart, to)
			)
		)
		.all();
	return new Map(rows.map((r) => [r.slotStart, r.capacity]));
}

/** A matter group's places per slot by session (0: regular hours), as the scheduler set them. */
export function rulesOf(db: Db, departmentId: number): Map<number, number> {
	const rows = db
		.select({ sessionId: capacityRules.sessionId, capacity: capacityRules.capacity })
		.from(capacityRules)
		.where(eq(capacityRules.departmentId, departmentId))
		.all();
	return new Map(rows.map((r) => [r.sessionId ?? 0, r.capacity]));
}

/** Sets (or with null, removes) a matter group's places per slot in a session (null: regular hours). */
export function putRule(
	db: Db,
	departmentId: number,
	sessionId: number | null,
	capacity: number | null,
	actorId: number
): void {
	db.transaction((tx) => {
		tx.delete(capacityRules)
			.where(
				and(
					eq(capacityRules.departmentId, departmentId),
					sessionId === null
						? isNull(capacityRules.sessionId)
						: eq(capacityRules.sessionId, sessionId)
				)
			)
			.run();
		if (capacity !== null)
			tx.insert(capacityRules)
				.values({ departmentId, sessionId, capacity, updatedBy: actorId })
				.run();
	});
}

/** Sets (or with null, removes) the capacity of one slot of a matter group. */
export function putOverride(
	db: Db,
	departmentId: number,
	slotStart: string,
	capacity: number | null,
	actorId: number
): void {
	if (capacity === null) {
		db.delete(bookingCapacity)
			.where(
				and(
					eq(bookingCapacity.departmentId, departmentId),
					eq(bookingCapacity.slotStart, slotStart)
				)
			)
			.run();
		return;
	}
	db.insert(bookingCapacity)
		.values({ departmentId, slotStart, capacity, updatedBy: actorId })
		.onConflictDoUpdate({
			target: [bookingCapacity.departmentId, bookingCapacity.slotStart],
			set: { capacity, updatedBy: actorId, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }
		})
		.run();
}

/**
 * Books a place if the slot's matter group holds fewer than `capacity`: one INSERT … SELECT …
 * WHERE count < capacity, so SQLite's single writer decides between racing callers (in any
 * process) and exactly one gets the last place. Returns the new id, or null when full.
 */
export function insertIfRoom(
	db: Db,
	row: {
		matterId: number;
		departmentId: number;
		boothId: number | null;
		slotStart: string;
		slotEnd: string;
		code: string;
		tokenHash: string;
	},
	capacity: number
): number | null {
	const holding = sql.join(
		HOLDING.map((s) => sql`${s}`),
		sql`, `
	);
	const res = db.get<{ id: number } | undefined>(sql`
		insert into appointments (matter_id, booth_id, slot_start, slot_end, status, code, token_hash)
		select ${row.matterId}, ${row.boothId}, ${row.slotStart}, ${row.slotEnd}, 'booked', ${row.code}, ${row.tokenHash}
		where (
			select count(*) from appointments a join matters m on m.id = a.matter_id
			where a.slot_start = ${row.slotStart} and m.department_id = ${row.departmentId}
				and a.status in (${holding})
		) < ${capacity}
		returning id`);
	return res?.id ?? null;
}

/** A booking by its code, with its matter's names. */
export function byCode(db: Db, code: string) {
	return db
		.select({
			id: appointments.id,
			code: appointments.code,
			tokenHash: appointments.tokenHash,
			matterId: appointments.matterId,
			matterName: matters.name,
			matterNameEn: matters.nameEn,
			departmentId: matters.departmentId,
			slotStart: appointments.slotStart,
			slotEnd: appointments.slotEnd,
			status: appointments.status
		})
		.from(appointments)
		.innerJoin(matters, eq(matters.id, appointments.matterId))
		.where(eq(appointments.code, code))
		.get();
}

/** Moves a booking from one status to another; false when it was no longer in `from`. */
export function transition(
	db: Db,
	id: number,
	from: AppointmentStatus,
	to: AppointmentStatus,
	checkedInAt?: string
): boolean {
	const r = db
		.update(appointments)
		.set({ status: to, ...(checkedInAt !== undefined ? { checkedInAt } : {}) })
		.where(and(eq(appointments.id, id), eq(appointments.status, from)))
		.run();
	return r.changes === 1;
}

/** Bookings nobody checked in for whose slot started before `before`: marked missed. */
export function markNoShows(db: Db, before: string): number[] {
	return db
		.update(appointments)
		.set({ status: 'missed' })
		.where(and(eq(appointments.status, 'booked'), lt(appointments.slotStart, before)))
		.returning({ id: appointments.id })
		.all()
		.map((r) => r.id);
}

/**
 * Checked-in bookings whose call is over: served when an agent answered it, missed when the
 * caller left unanswered. Returns how many were settled.
 */
export function settleCheckedIn(db: Db): { served: number; missed: number } {
	const rows = db
		.select({ id: appointments.id, connectedAt: calls.connectedAt, status: calls.status })
		.from(appointments)
		.innerJoin(calls, eq(calls.appointmentId, appointments.id))
		.where(eq(appointments.status, 'checked_in'))
		.all();
	let served = 0;
	let missed = 0;
	for (const r of rows) {
		if (r.connectedAt) {
			if (transition(db, r.id, 'checked_in', 'served')) served++;
		} else if (r.status === 'abandoned' || r.status === 'ended') {
			if (transition(db, r.id, 'checked_in', 'missed')) missed++;
		}
	}
	return { served, missed };
}

/** Every booking of a matter group in [from, to), by slot, for the staff's list. */
export function bookingsBetween(db: Db, departmentId: number, from: string, to: string) {
	return db
		.select({
			id: appointments.id,
			code: appointments.code,
			matterId: appointments.matterId,
			matterName: matters.name,
			slotStart: appointments.slotStart,
			status: appointments.status
		})
		.from(appointments)
		.innerJoin(matters, eq(matters.id, appointments.matterId))
		.where(
			and(
				eq(matters.departmentId, departmentId),
				gte(appointments.slotStart, from),
				lt(appointments.slotStart, to)
			)
		)
		.orderBy(asc(appointments.slotStart), asc(appointments.id))
		.all();
}

/** Bookings holding a place per local slot start in [from, to), over every matter group. */
export function bookedAllBetween(db: Db, from: string, to: string) {
	return db
		.select({
			slotStart: appointments.slotStart,
			departmentId: matters.departmentId,
			n: sql<number>`count(*)`
		})
		.from(appointments)
		.innerJoin(matters, eq(matters.id, appointments.matterId))
		.where(
			and(
				inArray(appointments.status, HOLDING),
				gte(appointments.slotStart, from),
				lt(appointments.slotStart, to)
			)
		)
		.groupBy(appointments.slotStart, matters.departmentId)
		.all();
}
