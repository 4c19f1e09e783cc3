import { z } from 'zod';
import { CallCreated } from './api';
import { queryInt } from './params';

/** Bookings (预约): slots with capacity, booking, seeing, cancelling and checking in. */

/** A caller may check in this many minutes before the slot starts (and enters the appointment lane). */
export const CHECK_IN_EARLY_MINUTES = 10;
/** Days ahead a caller may book. */
export const BOOKING_DAYS = 14;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'from must be a date YYYY-MM-DD');
const slotStart = z
	.string()
	.regex(
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
		'slotStart must be an ISO 8601 time with an offset'
	);

export const SlotsQuery = z
	.object({
		matterId: queryInt(1),
		from: date.optional(),
		days: queryInt(1, BOOKING_DAYS).optional()
	})
	.meta({ id: 'SlotsQuery' });

export const Slot = z
	.object({
		start: z.string(),
		end: z.string(),
		capacity: z.number().int(),
		booked: z.number().int()
	})
	.meta({ id: 'Slot' });

export const SlotList = z.object({ slots: z.array(Slot) }).meta({ id: 'SlotList' });

export const BookingBody = z
	.object({
		matterId: z.number().int().positive(),
		/** The slot's start as listed; without it, the first slot with a free place. */
		slotStart: slotStart.optional()
	})
	.meta({ id: 'BookingBody' });

export const Booking = z
	.object({
		appointmentId: z.number().int(),
		code: z.string(),
		/** The secret that lets this device see, cancel and check in the booking (shown once). */
		token: z.string(),
		matterId: z.number().int(),
		slotStart: z.string(),
		slotEnd: z.string()
	})
	.meta({ id: 'Booking' });

export const BOOKING_STATUSES = ['booked', 'checked_in', 'served', 'cancelled', 'missed'] as const;

/** What the booking's holder sees: no contact, no other caller's data. */
export const BookingView = z
	.object({
		code: z.string(),
		matterId: z.number().int(),
		matterName: z.string(),
		matterNameEn: z.string(),
		slotStart: z.string(),
		slotEnd: z.string(),
		status: z.enum(BOOKING_STATUSES),
		/** Whether check-in is open now. */
		checkInOpen: z.boolean()
	})
	.meta({ id: 'BookingView' });

export const CheckInBody = z
	.object({
		language: z.string().trim().min(1).max(16).default('zh'),
		signLanguage: z.boolean().default(false),
		elderly: z.boolean().default(false)
	})
	.meta({ id: 'CheckInBody' });

/** A checked-in booking's call, with the booking's matter and slot. */
export const CheckedIn = CallCreated.extend({
	matterId: z.number().int(),
	slotStart: z.string()
}).meta({ id: 'CheckedIn' });

export const CapacityBody = z
	.object({
		departmentId: z.number().int().positive(),
		slotStart,
		/** null: back to the computed capacity. */
		capacity: z.number().int().min(0).max(1000).nullable()
	})
	.meta({ id: 'CapacityBody' });

export const CapacityRuleBody = z
	.object({
		departmentId: z.number().int().positive(),
		/** The extended session; null: the group's regular hours. */
		sessionId: z.number().int().positive().nullable(),
		/** Places in each slot of that session; null: back to the computed capacity. */
		capacity: z.number().int().min(0).max(1000).nullable()
	})
	.meta({ id: 'CapacityRuleBody' });

export const StaffSlotsQuery = z
	.object({
		departmentId: queryInt(1),
		from: date.optional(),
		days: queryInt(1, 31).optional()
	})
	.meta({ id: 'StaffSlotsQuery' });

export const StaffSlot = z
	.object({
		start: z.string(),
		end: z.string(),
		capacity: z.number().int(),
		computed: z.number().int(),
		/** The extended session the slot belongs to (null: regular hours). */
		sessionId: z.number().int().nullable(),
		/** The scheduler's places per slot for the group in that session, if set. */
		rule: z.number().int().nullable(),
		/** This slot's own capacity, if set (it wins over the rule). */
		override: z.number().int().nullable(),
		seats: z.number().int(),
		booked: z.number().int(),
		bookings: z.array(
			z.object({
				id: z.number().int(),
				code: z.string(),
				matterId: z.number().int(),
				matterName: z.string(),
				status: z.enum(BOOKING_STATUSES)
			})
		)
	})
	.meta({ id: 'StaffSlot' });

export const StaffSlotList = z
	.object({
		ahtSeconds: z.number(),
		slotMinutes: z.number().int(),
		/** Places per slot by session: regular hours (sessionId null), then each session covering the group. */
		rules: z.array(
			z.object({
				sessionId: z.number().int().nullable(),
				name: z.string(),
				nameEn: z.string(),
				weekday: z.number().int().nullable(),
				capacity: z.number().int().nullable()
			})
		),
		slots: z.array(StaffSlot)
	})
	.meta({ id: 'StaffSlotList' });

export const ErlangQuery = z
	.object({
		calls: queryInt(0, 1_000_000),
		intervalMinutes: queryInt(1, 1440),
		ahtSeconds: queryInt(1, 86_400),
		targetSeconds: queryInt(0, 86_400),
		/** The target share answered within targetSeconds, e.g. 0.8. */
		serviceLevel: z.preprocess(
			(v) => (typeof v === 'string' && !/^0?\.\d{1,6}$/.test(v) ? NaN : v),
			z.coerce.number().gt(0).lt(1)
		),
		patienceSeconds: queryInt(1, 86_400).optional()
	})
	.meta({ id: 'ErlangQuery' });

export const ErlangResult = z
	.object({
		agents: z.number().int(),
		serviceLevel: z.number(),
		occupancy: z.number(),
		pWait: z.number(),
		asaSeconds: z.number(),
		abandonRate: z.number().optional()
	})
	.meta({ id: 'ErlangResult' });
