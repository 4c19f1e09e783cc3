import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	book,
	cancelBooking,
	checkIn,
	listSlots,
	setCapacity,
	staffSlots,
	sweepBookings,
	viewBooking
} from '../../src/lib/server/bookings/bookings';
import { createBooth } from '../../src/lib/server/booths/booths';
import { leaveCall } from '../../src/lib/server/calls/calls';
import { acceptOffer, currentOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { appointments } from '../../src/lib/server/db/schema';
import { wallSnapshot } from '../../src/lib/server/supervisor/wall';
import { closeRouting, makeAgent, routingContext, someMatters } from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
const HALF_HOUR = 30 * 60_000;
/** The start of the half hour holding `t` (slots are aligned to the local clock; +08:00 is whole hours). */
const slotOf = (t: number) => Math.floor(t / HALF_HOUR) * HALF_HOUR;
const iso = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
const status = (id: number) =>
	ctx.db.select().from(appointments).where(eq(appointments.id, id)).get()!.status;

beforeAll(async () => {
	// every hour open, so slots exist whenever the test runs
	ctx = await routingContext({ BOOKING_GRACE_MINUTES: '15' });
	m = someMatters(ctx);
});
afterAll(() => closeRouting(ctx));

describe('slots and their capacity', () => {
	it('a matter group nobody serves has slots with no place; each skilled seat adds places', async () => {
		const now = Date.now();
		const before = listSlots(ctx, { matterId: m.otherDept.id, days: 1 }, now).slots;
		expect(before.length).toBeGreaterThan(0);
		expect(before.every((s) => s.capacity === 0)).toBe(true);
		await makeAgent(ctx, [{ kind: 'matter', matterId: m.otherDept.id, level: 3 }]);
		await makeAgent(ctx, [{ kind: 'matter', matterId: m.otherDept.id, level: 2 }]);
		// two seats × 30 minutes ÷ the default 300 s handle time = 12 places
		const after = listSlots(ctx, { matterId: m.otherDept.id, days: 1 }, now).slots;
		expect(after[0]).toMatchObject({ capacity: 12, booked: 0 });
		// the slots end after now and are the half hours of the local clock
		expect(Date.parse(after[0]!.end)).toBeGreaterThan(now);
		expect(after[0]!.start).toMatch(/T\d{2}:(00|30):00\+08:00$/);
	});

	it('the scheduler’s figure replaces the computed one for that slot, and can be taken back', () => {
		const now = Date.now();
		const [first, second] = listSlots(ctx, { matterId: m.otherDept.id, days: 1 }, now).slots;
		setCapacity(ctx, 1, {
			departmentId: m.otherDept.departmentId,
			slotStart: first!.start,
			capacity: 3
		});
		const s = listSlots(ctx, { matterId: m.otherDept.id, days: 1 }, now).slots;
		expect(s[0]!.capacity).toBe(3);
		expect(s[1]!.capacity).toBe(second!.capacity);
		setCapacity(ctx, 1, {
			departmentId: m.otherDept.departmentId,
			slotStart: first!.start,
			capacity: null
		});
		expect(listSlots(ctx, { matterId: m.otherDept.id, days: 1 }, now).slots[0]!.capacity).toBe(12);
	});
});

describe('booking never over-books', () => {
	it('a full slot refuses with slot_full; a place taken shows as booked', async () => {
		await makeAgent(ctx, [{ kind: 'matter', matterId: m.a.id, level: 3 }]);
		const now = Date.now();
		const slot = listSlots(ctx, { matterId: m.a.id, days: 2 }, now).slots.at(-1)!;
		setCapacity(ctx, 1, { departmentId: m.a.departmentId, slotStart: slot.start, capacity: 2 });
		book(ctx, { matterId: m.a.id, slotStart: slot.start, boothId: null }, now);
		// another matter of the same group shares the slot's places
		book(ctx, { matterId: m.sameDept.id, slotStart: slot.start, boothId: null }, now);
		expect(() =>
			book(ctx, { matterId: m.a.id, slotStart: slot.start, boothId: null }, now)
		).toThrow(expect.objectContaining({ status: 409, code: 'slot_full' }));
		const listed = listSlots(ctx, { matterId: m.a.id, days: 2 }, now).slots.at(-1)!;
		expect(listed).toMatchObject({ capacity: 2, booked: 2 });
		expect(() =>
			book(ctx, { matterId: m.a.id, slotStart: '2020-01-01T09:00:00+08:00', boothId: null }, now)
		).toThrow(expect.objectContaining({ status: 400, code: 'unknown_slot' }));
	});

	it('six processes racing for the last place: exactly one gets it', async () => {
		const now = Date.now();
		const slot = listSlots(ctx, { matterId: m.a.id, days: 2 }, now).slots.at(-2)!;
		setCapacity(ctx, 1, { departmentId: m.a.departmentId, slotStart: slot.start, capacity: 1 });
		const racers = Array.from({ length: 6 }, () => {
			const child = spawn(
				process.execPath,
				[
					path.resolve('node_modules/tsx/dist/cli.mjs'),
					path.resolve('tests/integration/support/book-once.ts')
				],
				{
					env: {
						...process.env,
						REDIS_URL: ctx.cfg.REDIS_URL,
						DATABASE_PATH: ctx.cfg.databasePath,
						REDIS_PREFIX: ctx.prefix,
						LOG_LEVEL: 'silent',
						SERVICE_HOURS: 'always',
						RACE_MATTER: String(m.a.id),
						RACE_SLOT: slot.start,
						RACE_NOW: String(now)
					},
					stdio: ['pipe', 'pipe', 'inherit']
				}
			);
			let out = '';
			let markReady: () => void;
			const ready = new Promise<void>((r) => (markReady = r));
			child.stdout!.on('data', (d) => {
				out += d;
				if (out.startsWith('ready\n')) markReady();
			});
			const result = new Promise<{ ok: boolean; code?: string }>((resolve, reject) =>
				child.on('exit', () => {
					try {
						resolve(JSON.parse(out.slice('ready\n'.length).trim()));
					} catch (e) {
						reject(new Error(`no outcome from a racer: ${out} ${String(e)}`));
					}
				})
			);
			return { child, ready, result };
		});
		// every racer has its context open before any of them is let go
		await Promise.all(racers.map((r) => r.ready));
		for (const r of racers) r.child.stdin!.end('go\n');
		const results = await Promise.all(racers.map((r) => r.result));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(5).fill('slot_full'));
		const slots = listSlots(ctx, { matterId: m.a.id, days: 2 }, Date.now()).slots;
		expect(slots.find((s) => s.start === slot.start)).toMatchObject({ capacity: 1, booked: 1 });
	}, 60_000);
});

describe('seeing, cancelling and checking in', () => {
	it('only the holder’s token shows or cancels a booking; a cancelled place is free again', () => {
		const now = Date.now();
		const slot = listSlots(ctx, { matterId: m.a.id, days: 2 }, now).slots.at(-3)!;
		setCapacity(ctx, 1, { departmentId: m.a.departmentId, slotStart: slot.start, capacity: 1 });
		const b = book(ctx, { matterId: m.a.id, slotStart: slot.start, boothId: null }, now);
		expect(b.code).toMatch(/^[2-9A-Z]{8}$/);
		expect(() => viewBooking(ctx, b.code, 'someone-else')).toThrow(
			expect.objectContaining({ status: 404 })
		);
		expect(viewBooking(ctx, b.code, b.token, now)).toMatchObject({
			status: 'booked',
			slotStart: slot.start,
			checkInOpen: false
		});
		expect(() => cancelBooking(ctx, b.code, 'someone-else')).toThrow(
			expect.objectContaining({ status: 404 })
		);
		expect(status(b.appointmentId)).toBe('booked');
		expect(cancelBooking(ctx, b.code, b.token, now).status).toBe('cancelled');
		const again = book(ctx, { matterId: m.a.id, slotStart: slot.start, boothId: null }, now);
		expect(again.slotStart).toBe(slot.start);
		expect(() => cancelBooking(ctx, b.code, b.token, now)).toThrow(
			expect.objectContaining({ status: 409, code: 'not_cancellable' })
		);
	});

	it('checking in at the slot queues the caller in the appointment lane; a second check-in is refused', async () => {
		const now = Date.now();
		const slot = slotOf(now);
		const b = book(ctx, { matterId: m.a.id, slotStart: iso(slot), boothId: null }, now);
		const call = { language: 'zh', signLanguage: false, elderly: false };
		expect(viewBooking(ctx, b.code, b.token, now).checkInOpen).toBe(now < slot + 15 * 60_000);
		const at = slot + 60_000; // a minute into the slot
		const res = await checkIn(ctx, b.code, { token: b.token, boothId: null }, call, at);
		expect(status(b.appointmentId)).toBe('checked_in');
		const wall = await wallSnapshot(ctx);
		expect(wall.waiting.find((w) => w.callId === res.callId)?.lane).toBe('appointment');
		await expect(
			checkIn(ctx, b.code, { token: b.token, boothId: null }, call, at)
		).rejects.toMatchObject({ status: 409, code: 'not_bookable' });
		await leaveCall(ctx, res.callId);
		// the caller left unanswered: the sweep settles the booking as missed
		sweepBookings(ctx, at);
		expect(status(b.appointmentId)).toBe('missed');
	});

	it('a booth checks in with the code alone; once answered the booking is served', async () => {
		const booth = await createBooth(ctx, null, { name: '预约亭', town: '市桥街', site: '村委会' });
		const now = Date.now();
		const slot = slotOf(now);
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.sameDept.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		const b = book(ctx, { matterId: m.sameDept.id, slotStart: iso(slot), boothId: null }, now);
		await expect(
			checkIn(
				ctx,
				b.code,
				{ token: null, boothId: null },
				{ language: 'zh', signLanguage: false, elderly: false },
				slot
			)
		).rejects.toMatchObject({ status: 403 });
		await setAgentState(ctx, agent, 'available');
		const res = await checkIn(
			ctx,
			b.code.toLowerCase(),
			{ token: null, boothId: booth.id },
			{ language: 'zh', signLanguage: false, elderly: false },
			slot + 60_000
		);
		const offer = await currentOffer(ctx, agent);
		expect(offer?.callId).toBe(res.callId);
		await acceptOffer(ctx, agent, offer!.offerId);
		sweepBookings(ctx, slot + 60_000);
		expect(status(b.appointmentId)).toBe('served');
	});

	it('check-in is refused before the slot opens it', async () => {
		const now = Date.now();
		const later = listSlots(ctx, { matterId: m.a.id, days: 2 }, now).slots.at(-4)!;
		const b = book(ctx, { matterId: m.a.id, slotStart: later.start, boothId: null }, now);
		await expect(
			checkIn(
				ctx,
				b.code,
				{ token: b.token, boothId: null },
				{ language: 'zh', signLanguage: false, elderly: false },
				now
			)
		).rejects.toMatchObject({ status: 409, code: 'check_in_closed' });
		expect(status(b.appointmentId)).toBe('booked');
	});
});

describe('no-shows', () => {
	it('a booking not checked in within the grace is missed and its place is free again', () => {
		const now = Date.now();
		const slot = listSlots(ctx, { matterId: m.a.id, days: 2 }, now).slots.at(-5)!;
		setCapacity(ctx, 1, { departmentId: m.a.departmentId, slotStart: slot.start, capacity: 1 });
		const b = book(ctx, { matterId: m.a.id, slotStart: slot.start, boothId: null }, now);
		const start = Date.parse(slot.start);
		// within the grace nothing changes
		expect(sweepBookings(ctx, start + 14 * 60_000).noShows).toBe(0);
		expect(status(b.appointmentId)).toBe('booked');
		expect(sweepBookings(ctx, start + 16 * 60_000).noShows).toBe(1);
		expect(status(b.appointmentId)).toBe('missed');
		const staff = staffSlots(ctx, {
			departmentId: m.a.departmentId,
			from: slot.start.slice(0, 10),
			days: 1
		});
		const row = staff.slots.find((s) => s.start === slot.start)!;
		expect(row.booked).toBe(0);
		expect(row.bookings.map((x) => x.status)).toEqual(['missed']);
		// someone else can have the place (booked while the slot still runs)
		expect(
			book(ctx, { matterId: m.a.id, slotStart: slot.start, boothId: null }, start + 16 * 60_000)
				.slotStart
		).toBe(slot.start);
	});
});
