import { beforeAll, describe, expect, it } from 'vitest';
import { database, ok, send } from './client';
import { World } from './world';

let w: World;
let departmentId: number;
beforeAll(async () => {
	w = await World.create();
	const db = database();
	departmentId = db.departmentOf(w.queueMatter);
	db.close();
});

/** A slot of the queued matter with exactly `capacity` places. */
async function slotWith(index: number, capacity: number): Promise<string> {
	const { slots } = await ok<{ slots: { start: string }[] }>(
		'GET',
		`/bookings/slots?matterId=${w.queueMatter}&days=3`
	);
	const start = slots[index]!.start;
	await ok('PUT', '/schedule/bookings/capacity', {
		as: w.admin,
		body: { departmentId, slotStart: start, capacity }
	});
	return start;
}

describe('bookings over HTTP', () => {
	it('twelve callers racing for the last place of a slot: exactly one is booked, the others hear slot_full', async () => {
		const slotStart = await slotWith(20, 1);
		const replies = await Promise.all(
			Array.from({ length: 12 }, () =>
				send('POST', '/bookings', { body: { matterId: w.queueMatter, slotStart } })
			)
		);
		expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
		const refused = replies.filter((r) => r.status !== 201);
		expect(refused.map((r) => r.status)).toEqual(Array(11).fill(409));
		expect(refused.map((r) => (r.body as { error: { code: string } }).error.code)).toEqual(
			Array(11).fill('slot_full')
		);
		const { slots } = await ok<{ slots: { start: string; capacity: number; booked: number }[] }>(
			'GET',
			`/bookings/slots?matterId=${w.queueMatter}&days=3`
		);
		expect(slots.find((s) => s.start === slotStart)).toMatchObject({ capacity: 1, booked: 1 });
	});

	it('a booking code alone shows nothing: no token is 401, another device’s token is 404', async () => {
		const slotStart = await slotWith(21, 5);
		const b = await ok<{ code: string; token: string }>(
			'POST',
			'/bookings',
			{ body: { matterId: w.queueMatter, slotStart } },
			201
		);
		expect((await send('GET', `/bookings/${b.code}`)).status).toBe(401);
		const other = await ok<{ token: string }>(
			'POST',
			'/bookings',
			{ body: { matterId: w.queueMatter, slotStart } },
			201
		);
		const wrong = await send('GET', `/bookings/${b.code}`, {
			headers: { 'x-booking-token': other.token }
		});
		expect(wrong.status).toBe(404);
		expect(JSON.stringify(wrong.body)).not.toContain(slotStart);
		const cancel = await send('DELETE', `/bookings/${b.code}`, {
			headers: { 'x-booking-token': other.token }
		});
		expect(cancel.status).toBe(404);
		const mine = await ok<{ status: string }>('GET', `/bookings/${b.code}`, {
			headers: { 'x-booking-token': b.token }
		});
		expect(mine.status).toBe('booked');
	});
});
