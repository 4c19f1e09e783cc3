import { beforeAll, describe, expect, it } from 'vitest';
import { database, login, ok, origin, send } from './client';
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

describe('what the console reads', () => {
	it('a body not sent as JSON is 415, broken UTF-8 is 400 invalid_utf8; nothing is created', async () => {
		const before = calls();
		const body = JSON.stringify({ channel: 'mobile', matterId: w.queueMatter });
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
			const r = await send('POST', '/calls', { raw: body, headers: { 'content-type': type } });
			expect(r.status, type).toBe(415);
			expect(r.body).toMatchObject({ error: { code: 'unsupported_media_type' } });
		}
		const broken = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
		const r = await send('POST', '/calls', { raw: broken });
		expect(r.status).toBe(400);
		expect(r.body).toMatchObject({ error: { code: 'invalid_utf8' } });
		expect(calls()).toBe(before);
	});

	it('ids in paths are decimal digits only: 0x10, 1e3 and " 16" change nobody', async () => {
		const admin = await w.as('admin');
		const agent = await w.sharedAgent();
		const skills = await ok<{ skills: unknown[] }>('GET', `/admin/agents/${agent.id}/skills`, {
			as: admin
		});
		for (const id of [
			`0x${agent.id.toString(16)}`,
			`${agent.id}e0`,
			`%20${agent.id}`,
			`${agent.id}.0`,
			`+${agent.id}`
		]) {
			const r = await send('PUT', `/admin/agents/${id}/skills`, {
				as: admin,
				body: { skills: [{ kind: 'elderly_guidance', level: 1 }] }
			});
			expect(r.status, id).toBe(400);
		}
		expect(
			await ok<{ skills: unknown[] }>('GET', `/admin/agents/${agent.id}/skills`, { as: admin })
		).toEqual(skills);
		const q = await send('GET', '/matters?departmentId=0x1');
		expect(q.status).toBe(400);
	});

	it('arrays are capped: five roles for one account is 400', async () => {
		const r = await send('POST', '/admin/agents', {
			as: await w.as('admin'),
			body: {
				username: 'many-roles',
				password: 'Passw0rd!many',
				displayName: 'x',
				roles: ['agent', 'agent', 'supervisor', 'scheduler', 'admin'],
				skills: []
			}
		});
		expect(r.status).toBe(400);
	});

	it('a caller cannot put themselves in the urgent lane; the green channel is theirs to ask', async () => {
		const before = calls();
		const r = await send('POST', '/calls', {
			body: { channel: 'mobile', matterId: w.queueMatter, priorityLane: 'urgent' }
		});
		expect(r.status).toBe(400);
		expect(r.body).toMatchObject({ error: { code: 'lane_not_allowed' } });
		expect(calls()).toBe(before);
		const green = await send('POST', '/calls', {
			body: { channel: 'mobile', matterId: w.queueMatter, priorityLane: 'green' }
		});
		expect(green.status).toBe(201);
		const { callerToken } = green.body as { callerToken: string };
		await send('DELETE', `/calls/${(green.body as { callId: string }).callId}`, {
			as: { bearer: callerToken }
		});
	});
});

describe('requests from another site', () => {
	it('a cookie-authenticated mutation from a foreign Origin is 403 cross_origin and changes nothing', async () => {
		const s = await w.staff(['agent']);
		const foreign = { origin: 'https://evil.example' };
		const out = await send('POST', '/auth/logout', { as: s.as, headers: foreign });
		expect(out.status).toBe(403);
		expect(out.body).toMatchObject({ error: { code: 'cross_origin' } });
		const put = await send('PUT', '/agent/state', {
			as: s.as,
			headers: { 'sec-fetch-site': 'cross-site' },
			body: { state: 'available' }
		});
		expect(put.status).toBe(403);
		// still logged in and still offline
		const desk = await ok<{ state: string }>('GET', '/agent/desk', { as: s.as });
		expect(desk.state).toBe('offline');
		// the console's own pages may
		const same = await send('PUT', '/agent/state', {
			as: s.as,
			headers: { origin: origin() },
			body: { state: 'offline' }
		});
		expect(same.status).toBe(200);
		// a bearer token carries no ambient authority: the Origin does not matter
		const call = await w.call(w.queueMatter);
		const left = await send('DELETE', `/calls/${call.callId}`, {
			as: call.caller,
			headers: foreign
		});
		expect(left.status).not.toBe(403);
	});

	it('a page form posted from another site is refused too', async () => {
		const res = await fetch(`${origin()}/login`, {
			method: 'POST',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'username=a&password=b',
			redirect: 'manual'
		});
		expect(res.status).toBe(403);
	});
});

describe('what the browser is told', () => {
	it('pages carry a nonce CSP with no framing, and the other protections', async () => {
		const res = await fetch(`${origin()}/login`);
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toMatch(/connect-src 'self' ws:\/\/[^ ;]+ http:\/\/[^ ;]+/);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('permissions-policy')).toContain('camera=(self)');
		expect(res.headers.get('permissions-policy')).toContain('microphone=(self)');
		// served over plain http here: no HSTS (it is sent when ORIGIN is https)
		expect(res.headers.get('strict-transport-security')).toBeNull();
		const html = await res.text();
		const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
		expect(html).toContain(`nonce="${nonce}"`);
	});

	it('API answers carry a CSP that allows nothing, and nosniff', async () => {
		const res = await fetch(`${origin()}/api/v1/languages`);
		expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('a request id is kept only when well formed', async () => {
		const good = await fetch(`${origin()}/api/v1/languages`, {
			headers: { 'x-request-id': 'kiosk-0042-abcdef' }
		});
		expect(good.headers.get('x-request-id')).toBe('kiosk-0042-abcdef');
		const bad = await fetch(`${origin()}/api/v1/languages`, {
			headers: { 'x-request-id': '440101199003071234 <script>' }
		});
		expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
	});
});

describe('sessions and streams', () => {
	it('logging in again in a browser ends its previous session', async () => {
		const s = await w.staff(['agent']);
		const first = await login(s.username, s.password);
		const second = await fetch(`${origin()}/api/v1/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: first.cookie! },
			body: JSON.stringify({ username: s.username, password: s.password })
		});
		expect(second.status).toBe(200);
		expect((await send('GET', '/agent/desk', { as: first })).status).toBe(401);
		const cookie = second.headers
			.getSetCookie()
			.find((c) => c.startsWith('cw_session='))!
			.split(';')[0]!;
		expect((await send('GET', '/agent/desk', { as: { cookie } })).status).toBe(200);
	});

	it('an invalid Last-Event-ID is 400; one login holds at most SSE_MAX_PER_SESSION streams', async () => {
		const s = await w.staff(['agent']);
		const bad = await send('GET', '/events', {
			as: s.as,
			headers: { 'last-event-id': '99999999999999999999999-0' }
		});
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ error: { code: 'invalid_last_event_id' } });

		const open: Response[] = [];
		const stream = () => fetch(`${origin()}/api/v1/events`, { headers: { cookie: s.as.cookie! } });
		try {
			for (let i = 0; i < 8; i++) {
				const r = await stream();
				expect(r.status).toBe(200);
				open.push(r);
			}
			const ninth = await stream();
			expect(ninth.status).toBe(429);
			expect(await ninth.json()).toMatchObject({ error: { code: 'rate_limited' } });
		} finally {
			for (const r of open) await r.body?.cancel();
		}
		// the slots come back when the streams end
		await expect
			.poll(async () => {
				const r = await stream();
				await r.body?.cancel();
				return r.status;
			})
			.toBe(200);
	});
});

// Last: the console closes a connection whose body it refused to read, so nothing follows it.
describe('bodies too large', () => {
	it('a body over the limit is 413 body_too_large, a webhook too', async () => {
		const admin = await w.as('admin');
		const huge = JSON.stringify({ username: 'x'.repeat(300 * 1024) });
		const r = await send('POST', '/admin/agents', { as: admin, raw: huge });
		expect(r.status).toBe(413);
		expect(r.body).toMatchObject({ error: { code: 'body_too_large' } });
		const hook = await send('POST', '/livekit/webhook', {
			raw: 'x'.repeat(600 * 1024),
			headers: { 'content-type': 'application/webhook+json', authorization: 'x' }
		});
		expect(hook.status).toBe(413);
		expect(hook.body).toMatchObject({ error: { code: 'body_too_large' } });
	});
});
