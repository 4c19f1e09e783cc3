import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { operations } from '../../src/lib/contracts/openapi';
import { database, ok, send } from './client';
import { expectDocumented, opKey } from './conforms';
import { World } from './world';

let w: World;
beforeAll(async () => {
	w = await World.create();
});

const calls = () => {
	const db = database();
	try {
		return db.count('calls');
	} finally {
		db.close();
	}
};

/** Takes a booth out of service the way an admin's revocation leaves it (no API for it yet). */
function revoke(boothId: number) {
	const db = new Database(inject('databasePath'));
	try {
		db.prepare('update booths set active = 0 where id = ?').run(boothId);
	} finally {
		db.close();
	}
}

describe('a caller is authenticated before its request is read', () => {
	const bodies = [
		{ channel: 'booth', matterId: 0 },
		{ channel: 'booth' },
		'not json',
		{ channel: 'mobile', matterId: 1, language: 'zh' }
	];

	it('a wrong booth token on POST /calls is 401 invalid_booth_token whatever the body', async () => {
		const before = calls();
		for (const body of bodies) {
			const r = await send('POST', '/calls', {
				as: { bearer: 'not-a-device-token' },
				...(typeof body === 'string' ? { raw: body } : { body })
			});
			expect(r.status, JSON.stringify(r.body)).toBe(401);
			expect(r.body).toMatchObject({ error: { code: 'invalid_booth_token' } });
		}
		expect(calls()).toBe(before);
	});

	it('a revoked booth is refused the same way, and its kiosk cannot book either', async () => {
		const booth = await w.booth();
		await ok('POST', '/booth/heartbeat', { as: booth.as, body: { state: 'idle' } });
		revoke(booth.id);
		const before = calls();
		const r = await send('POST', '/calls', { as: booth.as, body: { channel: 'booth' } });
		expect(r.status).toBe(401);
		expect(r.body).toMatchObject({ error: { code: 'invalid_booth_token' } });
		const hb = await send('POST', '/booth/heartbeat', { as: booth.as, body: { state: 'idle' } });
		expect(hb.body).toMatchObject({ error: { code: 'invalid_booth_token' } });
		const booking = await send('POST', '/bookings', { as: booth.as, body: {} });
		expect(booking.status).toBe(401);
		expect(calls()).toBe(before);
	});

	it('a wrong caller token is 401 on a call whatever the body; a real one of another call is 403', async () => {
		const mine = await w.scene('mobile', 'ended');
		const other = await w.call(w.queueMatter);
		for (const body of [{ score: 9 }, { score: 5 }]) {
			const wrong = await send('POST', `/calls/${mine.callId}/rating`, {
				as: { bearer: 'forged-token' },
				body
			});
			expect(wrong.status).toBe(401);
			expect(wrong.body).toMatchObject({ error: { code: 'invalid_token' } });
		}
		expect((await send('GET', `/calls/${mine.callId}`, { as: { bearer: 'x' } })).status).toBe(401);
		const theirs = await send('POST', `/calls/${mine.callId}/rating`, {
			as: other.caller,
			body: { score: 5 }
		});
		expect(theirs.status).toBe(403);
		// Nothing was stored: the caller's own rating still goes through.
		await ok('POST', `/calls/${mine.callId}/rating`, { as: mine.caller, body: { score: 5 } }, 201);
	});
});

describe('paths that do not exist', () => {
	it('an unknown path under /api/v1 is a JSON 404, not the error page', async () => {
		for (const path of ['/nope', '/calls/x/unknown', '/admin']) {
			const r = await send('GET', path);
			expect(r.status).toBe(404);
			expect(r.type).toContain('application/json');
			expect(r.body).toMatchObject({ error: { code: 'not_found', message: expect.any(String) } });
		}
	});

	it('a method an operation does not have is a JSON 405', async () => {
		const r = await send('DELETE', '/languages');
		expect(r.status).toBe(405);
		expect(r.body).toMatchObject({ error: { code: 'method_not_allowed' } });
	});
});

describe('ids that name nothing', () => {
	it("an unknown agent's skills are 404, whether read or replaced", async () => {
		for (const method of ['GET', 'PUT'])
			expect(
				(
					await send(method, '/admin/agents/987654/skills', {
						as: w.admin,
						body: method === 'PUT' ? { skills: [] } : undefined
					})
				).body
			).toMatchObject({ error: { code: 'not_found' } });
	});

	it('an alert is acknowledged only by its key, after the login, and only while it is open', async () => {
		const ack = operations.find((o) => opKey(o) === 'POST /supervisor/alerts/{key}/ack')!;
		const path = (key: string) => `/supervisor/alerts/${encodeURIComponent(key)}/ack`;
		const anonymous = await send('POST', path('not an alert'));
		expect(anonymous.status).toBe(401);
		const agent = await send('POST', path('not an alert'), { as: await w.as('agent') });
		expect(agent.status).toBe(403);
		const bad = await send('POST', path('not an alert'), { as: w.admin });
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ error: { code: 'invalid_alert_key' } });
		const gone = await send('POST', path('booth:987654:offline'), { as: w.admin });
		expect(gone.status).toBe(404);
		expect(gone.body).toMatchObject({ error: { code: 'not_found' } });
		for (const r of [anonymous, agent, bad, gone]) expectDocumented(ack, r);
	});
});

describe('limits', () => {
	it('repeated wrong passwords for one account are 429, saying when to try again', async () => {
		const login = operations.find((o) => opKey(o) === 'POST /auth/login')!;
		const target = await w.staff(['scheduler']);
		const wrong = { username: target.username, password: 'not-the-password' };
		const replies = [];
		for (let i = 0; i < 6; i++) replies.push(await send('POST', '/auth/login', { body: wrong }));
		expect(replies.slice(0, 5).map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
		const locked = replies[5]!;
		expect(locked.status).toBe(429);
		expect(locked.body).toMatchObject({
			error: { code: 'rate_limited', retryAfterSeconds: expect.any(Number) }
		});
		for (const r of replies) expectDocumented(login, r);
		// Locked out even with the right password, until the wait is over.
		const right = await send('POST', '/auth/login', {
			body: { username: target.username, password: target.password }
		});
		expect(right.status).toBe(429);
	});
});
