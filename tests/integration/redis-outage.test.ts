import type { ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBooth } from '../../src/lib/server/booths/booths';
import { createCall, type NewCall } from '../../src/lib/server/calls/calls';
import { currentOffer } from '../../src/lib/server/calls/offers';
import * as q from '../../src/lib/server/calls/queries';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { calls } from '../../src/lib/server/db/schema';
import { health } from '../../src/lib/server/health';
import { liveWorkers } from '../../src/lib/server/heartbeat';
import { newToken, hashToken } from '../../src/lib/server/auth/tokens';
import * as live from '../../src/lib/server/routing/live';
import {
	closeRouting,
	makeAgent,
	routingContext,
	someMatters,
	spawnWorker,
	stopWorker,
	waitFor
} from './routing-helpers';
import { OwnRedis } from './support/own-redis';

let redis: OwnRedis;
let ctx: Ctx;
let m: ReturnType<typeof someMatters>;

beforeAll(async () => {
	redis = await OwnRedis.start('outage');
	ctx = await routingContext({ REDIS_URL: redis.url, RECONCILE_SECONDS: '0.5' });
	m = someMatters(ctx);
});
afterAll(async () => {
	await closeRouting(ctx);
	await redis.stop();
});

const boothCall = (matterId: number): NewCall => ({
	channel: 'booth',
	matterId,
	language: 'zh',
	signLanguage: false,
	elderly: false,
	priorityLane: 'none'
});

const callsOfBooth = (boothId: number) =>
	ctx.db.select().from(calls).where(eq(calls.boothId, boothId)).all();

describe('a Redis outage while a booth calls', () => {
	it('refuses the call with 503 service_unavailable and Retry-After, leaves nothing behind, and the booth calls again once Redis is back', async () => {
		const booth = await createBooth(ctx, null, {
			name: 'outage-1',
			town: '市桥街',
			site: '村委会'
		});
		await redis.stop();
		await waitFor(() => ctx.redis.status !== 'ready', 'the connection to notice');
		await expect(
			createCall(ctx, boothCall(m.otherDept.id), { boothId: booth.id })
		).rejects.toMatchObject({
			status: 503,
			code: 'service_unavailable',
			extra: { retryAfterSeconds: 5 }
		});
		expect(callsOfBooth(booth.id)).toEqual([]);
		expect(await health(ctx)).toMatchObject({
			status: 'down',
			checks: { sqlite: { ok: true }, redis: { ok: false }, worker: { ok: false } }
		});

		await redis.restart();
		await waitFor(() => ctx.redis.status === 'ready', 'Redis to be back', 15_000);
		const again = await createCall(ctx, boothCall(m.otherDept.id), { boothId: booth.id });
		expect(again.status).toBe('queued');
		expect(callsOfBooth(booth.id).map((c) => c.id)).toEqual([again.callId]);
	});

	it('takes the call back when Redis stops answering mid-call, and the agent it reached is not left holding a phantom offer', async () => {
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.a.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, agent, 'available');
		const booth = await createBooth(ctx, null, {
			name: 'outage-2',
			town: '市桥街',
			site: '村委会'
		});
		// Redis takes the connection but answers nothing for 6 s: the call times out (5 s), and the
		// routing step Redis then runs late leaves a live call the record does not have.
		const admin = new Redis(redis.url);
		await admin.call('CLIENT', 'PAUSE', '6000', 'ALL');
		await expect(createCall(ctx, boothCall(m.a.id), { boothId: booth.id })).rejects.toMatchObject({
			status: 503,
			code: 'service_unavailable'
		});
		admin.disconnect();
		expect(callsOfBooth(booth.id)).toEqual([]);

		const worker = spawnWorker(ctx, { RECONCILE_SECONDS: '0.5' });
		try {
			await waitFor(
				async () => (await live.agent(ctx, agent)).state === 'available',
				'the agent to be free again',
				20_000
			);
			expect(await currentOffer(ctx, agent)).toBeNull();
			// nothing waits in live state that the record does not have
			const recorded = new Set(q.liveCalls(ctx.db).map((c) => c.id));
			await waitFor(
				async () => (await live.waitingOrOffered(ctx)).every((id) => recorded.has(id)),
				'live state to hold only recorded calls',
				15_000
			);
		} finally {
			await stopWorker(worker);
		}
	});
});

describe('the worker', () => {
	let worker: ChildProcess;
	beforeAll(async () => {
		worker = spawnWorker(ctx, { RECONCILE_SECONDS: '0.5' });
		await waitFor(async () => (await liveWorkers(ctx)).count > 0, 'the worker to start', 20_000);
	});
	afterAll(() => stopWorker(worker));

	it('health names the worker when it is down, and the console keeps taking calls', async () => {
		expect((await health(ctx)).checks.worker).toMatchObject({ ok: true, count: 1 });
		const other = spawnWorker(ctx);
		await waitFor(async () => (await liveWorkers(ctx)).count === 2, 'a second worker');
		await stopWorker(other);
		await waitFor(async () => (await liveWorkers(ctx)).count === 1, 'the second worker to leave');
		await stopWorker(worker);
		const h = await health(ctx);
		expect(h.status).toBe('degraded');
		expect(h.checks.worker).toMatchObject({ ok: false, count: 0 });
		expect(h.checks.worker.error).toMatch(/no worker process/);
		expect(
			(await createCall(ctx, { ...boothCall(m.otherDept.id), channel: 'mobile' })).status
		).toBe('queued');
		worker = spawnWorker(ctx, { RECONCILE_SECONDS: '0.5' });
		await waitFor(async () => (await liveWorkers(ctx)).count > 0, 'the worker to start', 20_000);
	});

	it('routes a call SQLite has and Redis lacks within seconds, without a worker restart', async () => {
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.sameDept.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, agent, 'available');
		// What a web process killed between its SQLite commit and its Redis step leaves behind.
		const id = crypto.randomUUID();
		const at = new Date().toISOString();
		q.insertCall(
			ctx.db,
			{
				id,
				channel: 'mobile',
				matterId: m.sameDept.id,
				language: 'zh',
				signLanguage: false,
				elderly: false,
				priorityLane: 'none',
				status: 'queued',
				callerTokenHash: hashToken(newToken()),
				queuedAt: at
			},
			at
		);
		const started = Date.now();
		const offer = await waitFor(() => currentOffer(ctx, agent), 'the call to be offered', 15_000);
		expect(offer.callId).toBe(id);
		expect(Date.now() - started).toBeLessThan(12_000);
		// The offer goes out before the worker's record of it is committed: wait for the record.
		await waitFor(() => q.callById(ctx.db, id)!.status === 'offered', 'the offer recorded', 5_000);
	});
});
