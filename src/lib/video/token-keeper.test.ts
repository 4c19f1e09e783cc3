import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenKeeper, type VideoAccess } from './token-keeper';

const at = (ms: number) => new Date(ms).toISOString();

describe('TokenKeeper', () => {
	beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
	afterEach(() => vi.useRealTimers());

	function keeper() {
		let n = 0;
		const fetchToken = vi.fn(async (): Promise<VideoAccess> => ({
			url: 'ws://lk',
			token: `t${++n}`,
			expiresAt: at(Date.now() + 600_000)
		}));
		return { k: new TokenKeeper(fetchToken), fetchToken };
	}

	it('hands out the token it holds while it is fresh, and fetches only when needed', async () => {
		const { k, fetchToken } = keeper();
		k.offer({ url: 'ws://lk', token: 'given', expiresAt: at(Date.now() + 600_000) });
		expect((await k.get()).token).toBe('given');
		expect(fetchToken).not.toHaveBeenCalled();
		k.offer({ url: 'ws://lk', token: 'stale', expiresAt: at(Date.now() + 30_000) });
		expect((await k.get()).token).toBe('given');
	});

	it('renews a minute before expiry in the background, once per token', async () => {
		const { k, fetchToken } = keeper();
		k.start();
		expect((await k.get()).token).toBe('t1');
		await vi.advanceTimersByTimeAsync(530_000);
		expect(fetchToken).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(15_000);
		expect(fetchToken).toHaveBeenCalledTimes(2);
		expect((await k.get()).token).toBe('t2');
		k.stop();
		await vi.advanceTimersByTimeAsync(3_600_000);
		expect(fetchToken).toHaveBeenCalledTimes(2);
	});

	it('shares one request between callers', async () => {
		const { k, fetchToken } = keeper();
		const [a, b] = await Promise.all([k.get(), k.get()]);
		expect(a.token).toBe(b.token);
		expect(fetchToken).toHaveBeenCalledTimes(1);
	});
});
