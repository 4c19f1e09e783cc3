import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBooth } from '../../src/lib/server/booths/booths';
import { boothHeartbeat, sweepSilentBooths } from '../../src/lib/server/booths/presence';
import { serviceStatus } from '../../src/lib/server/booths/service';
import { createCall } from '../../src/lib/server/calls/calls';
import { limitMobileCall } from '../../src/lib/server/calls/limits';
import type { Ctx } from '../../src/lib/server/context';
import { booths } from '../../src/lib/server/db/schema';
import { DomainError } from '../../src/lib/server/errors';
import { deleteException, putException } from '../../src/lib/server/schedule/schedule';
import { closeRouting, routingContext, someMatters } from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;

beforeAll(async () => {
	ctx = await routingContext({ MOBILE_CALL_LIMIT: '2', MOBILE_CALL_LIMIT_SECONDS: '600' });
	m = someMatters(ctx);
});
afterAll(() => closeRouting(ctx));

const shanghaiDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

describe('booth heartbeats', () => {
	it('a booth that stops beating shows as offline; one that beats stays as it is', async () => {
		const silent = await createBooth(ctx, null, { name: 'silent', town: '市桥街', site: '村委会' });
		const alive = await createBooth(ctx, null, { name: 'alive', town: '市桥街', site: '村委会' });
		const now = Date.now();
		const gap = ctx.cfg.BOOTH_OFFLINE_SECONDS * 1000;
		await boothHeartbeat(ctx, { id: silent.id, name: 'silent' }, 'idle', now - gap - 5000);
		await boothHeartbeat(ctx, { id: alive.id, name: 'alive' }, 'in_call', now - gap + 5000);
		const since = await ctx.bus.lastId();
		expect(await sweepSilentBooths(ctx, now)).toEqual([silent.id]);
		const state = (id: number) =>
			ctx.db.select().from(booths).where(eq(booths.id, id)).get()!.state;
		expect([state(silent.id), state(alive.id)]).toEqual(['offline', 'in_call']);
		const events = ((await ctx.bus.since(since)) ?? []).filter((e) => e.type === 'booth.updated');
		expect(events.map((e) => e.data)).toEqual([
			expect.objectContaining({ boothId: silent.id, state: 'offline' })
		]);
		// already offline: nothing more to say
		expect(await sweepSilentBooths(ctx, now)).toEqual([]);
	});

	it('stores the state and last-seen time and tells supervisors when the state changes', async () => {
		const b = await createBooth(ctx, null, { name: 'hb', town: '市桥街', site: '村委会' });
		const since = await ctx.bus.lastId();
		const res = await boothHeartbeat(ctx, { id: b.id, name: 'hb' }, 'idle');
		expect(res).toMatchObject({ boothId: b.id, state: 'idle', service: { open: true } });
		await boothHeartbeat(ctx, { id: b.id, name: 'hb' }, 'idle');
		await boothHeartbeat(ctx, { id: b.id, name: 'hb' }, 'disinfecting');
		const row = ctx.db.select().from(booths).where(eq(booths.id, b.id)).get()!;
		expect(row.state).toBe('disinfecting');
		expect(row.lastSeenAt).not.toBeNull();
		const events = ((await ctx.bus.since(since)) ?? []).filter((e) => e.type === 'booth.updated');
		expect(events.map((e) => (e.data as { state: string }).state)).toEqual([
			'idle',
			'disinfecting'
		]);
		expect(events[0]!.audience.roles).toContain('supervisor');
	});
});

describe('service status with SERVICE_HOURS=always', () => {
	it('is open around the clock, but a holiday a scheduler sets closes it until the next day', async () => {
		const now = Date.now();
		const today = shanghaiDate(now);
		expect(serviceStatus(ctx, now)).toEqual({ open: true, opensAt: null });
		putException(ctx, 0, today, { kind: 'holiday' });
		try {
			const tomorrow = shanghaiDate(now + 24 * 3600_000);
			expect(serviceStatus(ctx, now)).toEqual({
				open: false,
				opensAt: `${tomorrow}T00:00:00+08:00`
			});
			await expect(
				createCall(ctx, {
					channel: 'mobile',
					matterId: m.a.id,
					language: 'zh',
					signLanguage: false,
					elderly: false,
					priorityLane: 'none'
				})
			).rejects.toMatchObject({ status: 409, code: 'closed' });
		} finally {
			deleteException(ctx, 0, today);
		}
		expect(serviceStatus(ctx, now).open).toBe(true);
	});
});

describe('anonymous mobile calls are rate limited per address', () => {
	it('refuses the address over its limit with 429 and a retry time; other addresses still call', async () => {
		await limitMobileCall(ctx, '198.51.100.7');
		await limitMobileCall(ctx, '198.51.100.7');
		const err = await limitMobileCall(ctx, '198.51.100.7').catch((e: DomainError) => e);
		expect(err).toBeInstanceOf(DomainError);
		expect(err).toMatchObject({ status: 429, code: 'rate_limited' });
		expect((err as DomainError).extra.retryAfterSeconds).toBeGreaterThan(0);
		await expect(limitMobileCall(ctx, '198.51.100.8')).resolves.toBeUndefined();
	});
});
