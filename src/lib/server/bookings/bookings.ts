import { randomInt, timingSafeEqual } from 'node:crypto';
import { BOOKING_DAYS, CHECK_IN_EARLY_MINUTES } from '../../contracts/bookings-api';
import { audit } from '../audit/audit';
import { hashToken, newToken } from '../auth/tokens';
import { createCall } from '../calls/calls';
import { matterFacts } from '../catalog/queries';
import type { Ctx } from '../context';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { formatShanghai, instantOf, localParts } from '../schedule/hours';
import { sessionsOfDepartment } from '../schedule/schedule';
import { slotCapacity, slotsIn } from './capacity';
import * as q from './queries';
import {
	departmentIntervals,
	handleSecondsFor,
	openIntervals,
	seatsFor,
	type OpenSpan
} from './supply';

const DAY_MS = 24 * 3600_000;
/** Booking codes: no 0/O, 1/I/L, so a caller can read one out at a booth. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** The local dates from `from` (default today) for `days` days. */
function datesFrom(from: string | undefined, days: number, now: number): string[] {
	const first = from ?? localParts(now).date;
	const t0 = Date.parse(`${first}T00:00:00Z`);
	if (Number.isNaN(t0)) throw badRequest(`from: "${from}" is not a date`, 'validation_failed');
	return Array.from({ length: days }, (_, i) =>
		new Date(t0 + i * DAY_MS).toISOString().slice(0, 10)
	);
}

export interface SlotView {
	start: string;
	end: string;
	capacity: number;
	computed: number;
	/** The extended session the slot belongs to (null: regular hours). */
	sessionId: number | null;
	/** The scheduler's places per slot for the group in that session (or regular hours). */
	rule: number | null;
	override: number | null;
	seats: number;
	booked: number;
}

/**
 * Every slot of a matter group on these dates (open hours of `matter`), with its places; slots
 * over before `now` are left out unless `past` (staff see them).
 */
function slotsOf(
	ctx: Ctx,
	departmentId: number,
	spansOn: (date: string) => OpenSpan[],
	dates: string[],
	now: number,
	past = false
): SlotView[] {
	if (!dates.length) return [];
	const from = formatShanghai(instantOf(dates[0]!, 0));
	const to = formatShanghai(instantOf(dates.at(-1)!, 24 * 60));
	const booked = q.bookedBySlot(ctx.db, departmentId, from, to);
	const overrides = q.overridesBetween(ctx.db, departmentId, from, to);
	const rules = q.rulesOf(ctx.db, departmentId);
	const aht = handleSecondsFor(ctx, departmentId, now);
	const minutes = ctx.cfg.BOOKING_SLOT_MINUTES;
	const out: SlotView[] = [];
	const serving = seatsFor(ctx, departmentId);
	for (const date of dates) {
		for (const open of spansOn(date)) {
			const seats = serving.on(date, open.sessionId);
			const computed = slotCapacity(seats, minutes, aht);
			const rule = rules.get(open.sessionId ?? 0) ?? null;
			for (const [a, b] of slotsIn([open.span], minutes)) {
				const end = instantOf(date, b);
				if (end <= now && !past) continue;
				const start = formatShanghai(instantOf(date, a));
				const override = overrides.get(start) ?? null;
				out.push({
					start,
					end: formatShanghai(end),
					capacity: override ?? rule ?? computed,
					computed,
					sessionId: open.sessionId,
					rule,
					override,
					seats,
					booked: booked.get(start) ?? 0
				});
			}
		}
	}
	return out;
}

function matterOr400(ctx: Ctx, matterId: number) {
	const m = matterFacts(ctx.db, matterId);
	if (!m) throw badRequest(`unknown matter ${matterId}`, 'unknown_matter');
	return m;
}

/** The bookable slots of a matter from `from` for `days` days (at most 14), with their places. */
export function listSlots(
	ctx: Ctx,
	input: { matterId: number; from?: string; days?: number },
	now = Date.now()
) {
	const m = matterOr400(ctx, input.matterId);
	const dates = datesFrom(input.from, input.days ?? BOOKING_DAYS, now);
	const last = localParts(now + BOOKING_DAYS * DAY_MS).date;
	const slots = slotsOf(
		ctx,
		m.departmentId,
		(d) => openIntervals(ctx, m.id, d),
		dates.filter((d) => d <= last),
		now
	);
	return {
		slots: slots.map(({ start, end, capacity, booked }) => ({ start, end, capacity, booked }))
	};
}

function newCode(): string {
	let s = '';
	for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return s;
}

/**
 * Books a place in a slot of a matter (or, without `slotStart`, the first slot with a free
 * place in the next 14 days). Never over-books: the place is taken by one conditional insert.
 * Returns the booking code and the secret token of the booking's holder (shown once).
 */
export function book(
	ctx: Ctx,
	input: { matterId: number; slotStart?: string; boothId: number | null },
	now = Date.now()
) {
	const m = matterOr400(ctx, input.matterId);
	const dates = datesFrom(undefined, BOOKING_DAYS + 1, now);
	const all = slotsOf(ctx, m.departmentId, (d) => openIntervals(ctx, m.id, d), dates, now);
	let candidates: SlotView[];
	if (input.slotStart) {
		const t = Date.parse(input.slotStart);
		const slot = all.find((s) => Date.parse(s.start) === t);
		if (!slot)
			throw badRequest(
				`slotStart ${input.slotStart} is not a bookable slot of this matter`,
				'unknown_slot'
			);
		candidates = [slot];
	} else candidates = all.filter((s) => s.booked < s.capacity);
	const token = newToken();
	for (const slot of candidates) {
		for (let attempt = 0; ; attempt++) {
			const code = newCode();
			let id: number | null;
			try {
				id = q.insertIfRoom(
					ctx.db,
					{
						matterId: m.id,
						departmentId: m.departmentId,
						boothId: input.boothId,
						slotStart: slot.start,
						slotEnd: slot.end,
						code,
						tokenHash: hashToken(token)
					},
					slot.capacity
				);
			} catch (e) {
				if (attempt < 5 && String(e).includes('UNIQUE')) continue;
				throw e;
			}
			if (id === null) break;
			audit(ctx, {
				actorKind: input.boothId ? 'booth' : 'caller',
				actorId: input.boothId,
				action: 'booking.create',
				target: `appointment:${id}`,
				detail: { matterId: m.id, slotStart: slot.start }
			});
			return {
				appointmentId: id,
				code,
				token,
				matterId: m.id,
				slotStart: slot.start,
				slotEnd: slot.end
			};
		}
	}
	if (input.slotStart) throw conflict('slot_full', 'This slot has no free place left');
	throw conflict('no_slot', 'No free place in the next two weeks');
}

function normalCode(code: string): string {
	return code.trim().toUpperCase().replace(/[\s-]/g, '');
}

/** The booking of `code` if `token` is its holder's; 404 otherwise (a guess learns nothing). */
function holderBooking(ctx: Ctx, code: string, token: string | null) {
	const b = q.byCode(ctx.db, normalCode(code));
	const ok =
		!!b?.tokenHash &&
		!!token &&
		timingSafeEqual(Buffer.from(hashToken(token)), Buffer.from(b.tokenHash));
	if (!b || !ok) throw notFound('No booking with this code for this device');
	return b;
}

function checkInOpen(
	b: { slotStart: string; slotEnd: string; status: string },
	ctx: Ctx,
	now: number
) {
	const start = Date.parse(b.slotStart);
	const closes = Math.min(Date.parse(b.slotEnd), start + ctx.cfg.BOOKING_GRACE_MINUTES * 60_000);
	return b.status === 'booked' && now >= start - CHECK_IN_EARLY_MINUTES * 60_000 && now < closes;
}

/** What the holder of a booking sees of it: the matter, the slot, its status. */
export function viewBooking(ctx: Ctx, code: string, token: string | null, now = Date.now()) {
	const b = holderBooking(ctx, code, token);
	return {
		code: b.code!,
		matterId: b.matterId,
		matterName: b.matterName,
		matterNameEn: b.matterNameEn,
		slotStart: b.slotStart,
		slotEnd: b.slotEnd,
		status: b.status,
		checkInOpen: checkInOpen(b, ctx, now)
	};
}

/** The holder cancels a booking that is still booked: its place is free again at once. */
export function cancelBooking(ctx: Ctx, code: string, token: string | null, now = Date.now()) {
	const b = holderBooking(ctx, code, token);
	if (!q.transition(ctx.db, b.id, 'booked', 'cancelled'))
		throw conflict('not_cancellable', `This booking is ${b.status} and cannot be cancelled`);
	audit(ctx, { actorKind: 'caller', action: 'booking.cancel', target: `appointment:${b.id}` });
	return viewBooking(ctx, code, token, now);
}

/**
 * Checks a booking in at its slot (from 10 minutes before it until the grace runs out) and puts
 * the caller in the queue, in the appointment lane. The booking's holder (its token) checks in
 * from the phone; a booth checks in with the code alone (the citizen is standing at it).
 */
export async function checkIn(
	ctx: Ctx,
	code: string,
	who: { token: string | null; boothId: number | null },
	call: { language: string; signLanguage: boolean; elderly: boolean },
	now = Date.now()
) {
	let b;
	if (who.token) b = holderBooking(ctx, code, who.token);
	else if (who.boothId) {
		b = q.byCode(ctx.db, normalCode(code));
		if (!b) throw notFound('No booking with this code');
	} else throw forbidden('Check in from the phone that booked, or at a booth');
	if (b.status !== 'booked')
		throw conflict('not_bookable', `This booking is ${b.status}`, { status: b.status });
	if (!checkInOpen(b, ctx, now))
		throw conflict('check_in_closed', 'Check-in opens 10 minutes before the slot', {
			slotStart: b.slotStart
		});
	const at = new Date(now).toISOString();
	if (!q.transition(ctx.db, b.id, 'booked', 'checked_in', at))
		throw conflict('not_bookable', 'This booking was just checked in or cancelled');
	try {
		const created = await createCall(
			ctx,
			{
				channel: who.boothId ? 'booth' : 'mobile',
				matterId: b.matterId,
				...call,
				priorityLane: 'none',
				appointmentId: b.id
			},
			{ boothId: who.boothId, now }
		);
		audit(ctx, {
			actorKind: who.boothId ? 'booth' : 'caller',
			actorId: who.boothId,
			action: 'booking.check_in',
			target: `appointment:${b.id}`
		});
		return { ...created, matterId: b.matterId, slotStart: b.slotStart };
	} catch (e) {
		q.transition(ctx.db, b.id, 'checked_in', 'booked');
		throw e;
	}
}

/**
 * The worker's sweep: bookings not checked in by the end of the grace become missed (their
 * place is free again); checked-in bookings become served once answered, missed if the caller
 * left unanswered.
 */
export function sweepBookings(ctx: Ctx, now = Date.now()) {
	const missed = q.markNoShows(
		ctx.db,
		formatShanghai(now - ctx.cfg.BOOKING_GRACE_MINUTES * 60_000)
	);
	const settled = q.settleCheckedIn(ctx.db);
	return { noShows: missed.length, ...settled };
}

/** The slots of a matter group for staff, with each slot's bookings (codes, matter, status). */
export function staffSlots(
	ctx: Ctx,
	input: { departmentId: number; from?: string; days?: number },
	now = Date.now()
) {
	const dates = datesFrom(input.from, input.days ?? 7, now);
	const slots = slotsOf(
		ctx,
		input.departmentId,
		(d) => departmentIntervals(ctx, input.departmentId, d),
		dates,
		now,
		true
	);
	const from = formatShanghai(instantOf(dates[0]!, 0));
	const to = formatShanghai(instantOf(dates.at(-1)!, 24 * 60));
	const list = q.bookingsBetween(ctx.db, input.departmentId, from, to);
	const rules = q.rulesOf(ctx.db, input.departmentId);
	return {
		ahtSeconds: handleSecondsFor(ctx, input.departmentId, now),
		slotMinutes: ctx.cfg.BOOKING_SLOT_MINUTES,
		/** Places per slot by session: regular hours first, then each session covering the group. */
		rules: [
			{ sessionId: null as number | null, name: '', nameEn: '', weekday: null as number | null },
			...sessionsOfDepartment(ctx, input.departmentId).map(({ id, ...s }) => ({
				sessionId: id as number | null,
				...s
			}))
		].map((s) => ({ ...s, capacity: rules.get(s.sessionId ?? 0) ?? null })),
		slots: slots.map((s) => ({
			...s,
			bookings: list
				.filter((b) => b.slotStart === s.start)
				.map((b) => ({
					id: b.id,
					code: b.code ?? '',
					matterId: b.matterId,
					matterName: b.matterName,
					status: b.status
				}))
		}))
	};
}

/** Saves a capacity setting of a matter group (400 for an unknown group) and audits it. */
function saveCapacity(
	ctx: Ctx,
	actorId: number,
	departmentId: number,
	action: string,
	detail: Record<string, unknown>,
	save: () => void
): void {
	try {
		save();
	} catch (e) {
		if (String(e).includes('FOREIGN KEY'))
			throw badRequest(`unknown department ${departmentId}`, 'unknown_department');
		throw e;
	}
	audit(ctx, { actorKind: 'user', actorId, action, target: `department:${departmentId}`, detail });
}

/** A scheduler sets (or with null clears) the capacity of one slot of a matter group. */
export function setCapacity(
	ctx: Ctx,
	actorId: number,
	input: { departmentId: number; slotStart: string; capacity: number | null }
) {
	const t = Date.parse(input.slotStart);
	if (Number.isNaN(t)) throw badRequest('slotStart is not a time', 'validation_failed');
	const slotStart = formatShanghai(t);
	saveCapacity(
		ctx,
		actorId,
		input.departmentId,
		'booking.capacity',
		{ slotStart, capacity: input.capacity },
		() => q.putOverride(ctx.db, input.departmentId, slotStart, input.capacity, actorId)
	);
	return { departmentId: input.departmentId, slotStart, capacity: input.capacity };
}

/**
 * A scheduler sets (or with null clears) a matter group's places per slot in an extended
 * session, or in regular hours (no session): every slot of it, unless a slot has its own.
 */
export function setCapacityRule(
	ctx: Ctx,
	actorId: number,
	input: { departmentId: number; sessionId: number | null; capacity: number | null }
) {
	if (
		input.sessionId !== null &&
		!sessionsOfDepartment(ctx, input.departmentId).some((s) => s.id === input.sessionId)
	)
		throw badRequest(
			`session ${input.sessionId} does not cover this matter group`,
			'unknown_session'
		);
	saveCapacity(
		ctx,
		actorId,
		input.departmentId,
		'booking.capacity_rule',
		{ sessionId: input.sessionId, capacity: input.capacity },
		() => q.putRule(ctx.db, input.departmentId, input.sessionId, input.capacity, actorId)
	);
	return input;
}
