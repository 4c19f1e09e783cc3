import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './client';

function answer(status: number, body?: unknown) {
	return vi.fn(
		async () =>
			new Response(body === undefined ? null : JSON.stringify(body), {
				status,
				headers: { 'content-type': 'application/json' }
			})
	);
}

describe('api', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('sends the JSON body and the caller token, and returns the typed answer', async () => {
		const fetch = answer(201, { callId: 'c1', score: 5, reasons: [], followUp: false });
		vi.stubGlobal('fetch', fetch);
		const r = await api('POST /calls/{id}/rating', {
			params: { id: 'c1' },
			body: { score: 5 },
			token: 'tok'
		});
		expect(r.ok).toBe(true);
		const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
		expect(url).toBe('/api/v1/calls/c1/rating');
		expect(init.method).toBe('POST');
		expect(init.body).toBe('{"score":5}');
		expect(init.headers).toEqual({
			'content-type': 'application/json',
			authorization: 'Bearer tok'
		});
	});

	it("surfaces the contract's error with its extra fields", async () => {
		vi.stubGlobal(
			'fetch',
			answer(409, { error: { code: 'closed', message: 'Closed now', opensAt: '2026-01-05T09:00' } })
		);
		const r = await api('GET /service-status');
		expect(r).toEqual({
			ok: false,
			error: {
				code: 'closed',
				message: 'Closed now',
				status: 409,
				details: { opensAt: '2026-01-05T09:00' }
			}
		});
	});

	it('names a failure without the error shape by its status, and an unreachable server as network', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => new Response('<html>', { status: 502, statusText: 'Bad Gateway' }))
		);
		const bad = await api('GET /health');
		expect(bad.ok || bad.error).toMatchObject({ code: '502', status: 502, message: 'Bad Gateway' });
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))
		);
		const down = await api('GET /health');
		expect(down.ok || down.error).toMatchObject({ code: 'network', status: 0 });
	});

	it('reads an empty success as no data', async () => {
		vi.stubGlobal('fetch', answer(204));
		const r = await api('POST /offers/{id}/decline', { params: { id: 'o1' } });
		expect(r).toEqual({ ok: true, status: 204, data: undefined });
	});
});
