import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { api } from './http';
import { createRedis, isRedisUnavailable } from './redis';

const event = {
	locals: { requestId: 'r1' },
	url: new URL('http://x/api/v1/calls')
} as RequestEvent;

/** A real fail-fast connection to a port where no Redis listens, and the error a command gets. */
async function outage(): Promise<unknown> {
	const r = createRedis('redis://127.0.0.1:1', { lazyConnect: true, retryStrategy: () => null });
	r.on('error', () => {});
	try {
		return await r.get('k').catch((e: unknown) => e);
	} finally {
		r.disconnect();
	}
}

describe('an API request while Redis is away', () => {
	it('answers 503 service_unavailable with Retry-After, not 500 internal', async () => {
		const e = await outage();
		expect(isRedisUnavailable(e)).toBe(true);
		const res = await api(async () => {
			throw e;
		})(event);
		expect(res.status).toBe(503);
		expect(res.headers.get('retry-after')).toBe('5');
		expect(await res.json()).toMatchObject({
			error: { code: 'service_unavailable', retryAfterSeconds: 5 }
		});
	});

	it('still answers 500 internal for a bug', async () => {
		const res = await api(async () => {
			throw new TypeError('x is undefined');
		})(event);
		expect(res.status).toBe(500);
		expect((await res.json()).error.code).toBe('internal');
	});

	it('counts a refused command as a bug, not an outage', async () => {
		expect(isRedisUnavailable(new Error('WRONGTYPE Operation against a key'))).toBe(false);
	});
});
