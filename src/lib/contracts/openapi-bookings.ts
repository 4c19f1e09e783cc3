import * as b from './bookings-api';
import { BODY, err, staffOnly, type Op } from './openapi-op';
import { BulkSkillsBody, BulkSkillsResult } from './skills-api';

const holder =
	'The device that booked sends the booking token it was given in the `X-Booking-Token` header';

/** Bookings (预约), staffing and seat-skill operations of /api/v1. */
export const bookingOperations: Op[] = [
	{
		method: 'post',
		path: '/admin/agents/skills',
		summary:
			'Give and take skills of several seats at once: matters one by one or every matter of a department, languages with proficiency 1–5, sign language, elderly guidance. Routing follows at once: an available seat is re-indexed (keeping its place among idle seats) and offered a waiting call it now qualifies for',
		tag: 'admin',
		auth: 'admin',
		body: BulkSkillsBody,
		responses: {
			200: { description: 'The seats with their skills now', schema: BulkSkillsResult },
			400: err(
				'Invalid input, or an unknown seat, department, matter or language',
				...BODY,
				'unknown_agent',
				'unknown_department',
				'unknown_matter',
				'unknown_language'
			),
			...staffOnly('an admin')
		}
	},
	{
		method: 'get',
		path: '/bookings/slots',
		summary:
			'The slots of a matter for the next days (at most 14) with their capacity (seats × slot length ÷ the matter group’s average handle time, or the scheduler’s figure) and the places taken',
		tag: 'caller',
		auth: 'public',
		query: b.SlotsQuery,
		responses: {
			200: { description: 'Slots, earliest first', schema: b.SlotList },
			400: err('Invalid query or unknown matter', 'validation_failed', 'unknown_matter')
		}
	},
	{
		method: 'post',
		path: '/bookings',
		summary:
			'Book a place in a slot (or, without slotStart, the first slot with a free place): a booth or an anonymous caller. Returns the booking code (for a booth) and, once, the token of the booking’s holder',
		tag: 'caller',
		auth: 'caller',
		body: b.BookingBody,
		responses: {
			201: { description: 'Booked', schema: b.Booking },
			400: err(
				'Invalid input, unknown matter, or not a slot of the matter',
				...BODY,
				'unknown_matter',
				'unknown_slot'
			),
			409: err(
				'slot_full: the slot has no free place; no_slot: no free place in two weeks',
				'slot_full',
				'no_slot'
			),
			429: err('Too many requests from this network', 'rate_limited')
		}
	},
	{
		method: 'get',
		path: '/bookings/{code}',
		summary: `A booking as its holder sees it (matter, slot, status). ${holder}`,
		tag: 'caller',
		auth: 'public',
		responses: {
			200: { description: 'The booking', schema: b.BookingView },
			400: err('Malformed code', 'invalid_code'),
			401: err('No booking token', 'unauthorized'),
			404: err('No booking with this code for this token', 'not_found')
		}
	},
	{
		method: 'delete',
		path: '/bookings/{code}',
		summary: `The holder cancels a booking that is still booked; its place is free again. ${holder}`,
		tag: 'caller',
		auth: 'public',
		responses: {
			200: { description: 'Cancelled', schema: b.BookingView },
			400: err('Malformed code', 'invalid_code'),
			401: err('No booking token', 'unauthorized'),
			404: err('No booking with this code for this token', 'not_found'),
			409: err('Checked in, served, missed or already cancelled', 'not_cancellable')
		}
	},
	{
		method: 'post',
		path: '/bookings/{code}/check-in',
		summary:
			'Check in at the slot (from 10 minutes before it until BOOKING_GRACE_MINUTES after it starts): the caller joins the queue in the appointment lane. The holder’s phone (X-Booking-Token) or a booth (its device token, the code typed in)',
		tag: 'caller',
		auth: 'caller',
		body: b.CheckInBody,
		responses: {
			201: { description: 'Queued as an appointment call', schema: b.CheckedIn },
			400: err('Malformed code or body', 'invalid_code', ...BODY, 'unknown_language'),
			401: err('Neither a booking token nor a booth', 'unauthorized'),
			404: err('No booking with this code (for this token)', 'not_found'),
			409: err(
				'not_bookable: cancelled, missed or already checked in; check_in_closed: not the time of the slot; closed: the matter is not served now; booth_busy',
				'not_bookable',
				'check_in_closed',
				'closed',
				'booth_busy'
			)
		}
	},
	{
		method: 'get',
		path: '/schedule/bookings',
		summary:
			'The slots of a matter group (department) with seats, computed and set capacity, places taken and each booking (code, matter, status)',
		tag: 'schedule',
		auth: 'staff',
		query: b.StaffSlotsQuery,
		responses: {
			200: { description: 'Slots with their bookings', schema: b.StaffSlotList },
			400: err('Invalid query', 'validation_failed'),
			...staffOnly('a scheduler, supervisor or admin')
		}
	},
	{
		method: 'put',
		path: '/schedule/bookings/capacity',
		summary:
			'Set the capacity of one slot of a matter group over the computed one (null: back to computed)',
		tag: 'schedule',
		auth: 'staff',
		body: b.CapacityBody,
		responses: {
			200: { description: 'Set', schema: b.CapacityBody },
			400: err('Invalid input or unknown department', ...BODY, 'unknown_department'),
			...staffOnly('a scheduler or admin')
		}
	},
	{
		method: 'put',
		path: '/schedule/bookings/capacity-rules',
		summary:
			"Set a matter group's places per slot in an extended session, or in regular hours (sessionId null), over the computed capacity; a slot's own capacity still wins (null: back to computed)",
		tag: 'schedule',
		auth: 'staff',
		body: b.CapacityRuleBody,
		responses: {
			200: { description: 'Set', schema: b.CapacityRuleBody },
			400: err(
				'Invalid input, unknown department, or a session not covering the group',
				...BODY,
				'unknown_department',
				'unknown_session'
			),
			...staffOnly('a scheduler or admin')
		}
	},
	{
		method: 'get',
		path: '/staffing/erlang',
		summary:
			'Seats needed for a target service level and what they deliver: Erlang C, or Erlang A (abandonment) when patienceSeconds is given',
		tag: 'schedule',
		auth: 'staff',
		query: b.ErlangQuery,
		responses: {
			200: { description: 'Seats and figures', schema: b.ErlangResult },
			400: err('Invalid query', 'validation_failed'),
			...staffOnly('a scheduler, supervisor or admin')
		}
	}
];
