import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { touchPresence } from '../../src/lib/server/agents/presence';
import { createBooth } from '../../src/lib/server/booths/booths';
import { callView, createCall, leaveCall } from '../../src/lib/server/calls/calls';
import { currentOffer } from '../../src/lib/server/calls/offers';
import { acceptPresentCaller, touchCaller } from '../../src/lib/server/calls/presence';
import * as q from '../../src/lib/server/calls/queries';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import {
	closeRouting,
	makeAgent,
	mobileCall,
	routingContext,
	someMatters,
	startWorker,
	stopWorker,
	waitFor
} from './routing-helpers';

// A caller not heard from for 3 s has gone; the worker looks twice a second.
const ENV = { CALLER_GONE_SECONDS: '3', PRESENCE_SWEEP_SECONDS: '0.5' };
let ctx: Ctx;
let worker: ChildProcess;
let m: ReturnType<typeof someMatters>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A caller's page: beats every 500 ms until stopped (or paused, as in a tunnel). */
function page(callId: string) {
	let paused = false;
	const t = setInterval(() => void (paused || touchCaller(ctx, callId)), 500);
	void touchCaller(ctx, callId);
	return {
		pause: () => (paused = true),
		resume: () => {
			paused = false;
			return touchCaller(ctx, callId);
		},
		close: () => clearInterval(t)
	};
}

beforeAll(async () => {
	ctx = await routingContext(ENV);
	m = someMatters(ctx);
	worker = await startWorker(ctx, ENV);
});
afterAll(async () => {
	if (worker) await stopWorker(worker);
	await closeRouting(ctx);
});

describe('a waiting caller who goes quiet', () => {
	it('keeps the place across a short drop and a reload, and is abandoned once gone', async () => {
		// Nobody serves this matter in English: both callers wait.
		const first = await mobileCall(ctx, { matterId: m.otherDept.id, language: 'en' });
		const second = await mobileCall(ctx, { matterId: m.otherDept.id, language: 'en' });
		const p1 = page(first.callId);
		const p2 = page(second.callId);
		try {
			// A 2 s drop (shorter than the 3 s grace), then the page is heard again.
			p1.pause();
			await sleep(2000);
			await p1.resume();
			// A reload: the page stops, comes back with the saved token and reads its call.
			p1.close();
			await sleep(1500);
			const back = page(first.callId);
			expect(await callView(ctx, first.callId, 'caller')).toMatchObject({
				status: 'queued',
				position: 1
			});
			await sleep(2000);
			expect((await callView(ctx, first.callId))!.status).toBe('queued');
			back.close();

			// Then the phone vanishes for good: the call leaves the queue as abandoned and the next
			// caller moves up.
			await waitFor(
				async () => (await callView(ctx, first.callId))?.status === 'abandoned',
				'the silent caller abandoned'
			);
			expect(q.callById(ctx.db, first.callId)!.endReason).toBe('caller_gone');
			expect(await callView(ctx, second.callId)).toMatchObject({ status: 'queued', position: 1 });
		} finally {
			p1.close();
			p2.close();
			await leaveCall(ctx, second.callId);
		}
	});

	it('a booth that goes offline loses its waiting call, and no agent is offered it later', async () => {
		const booth = await createBooth(ctx, null, {
			name: '离线测试晓屋',
			town: '市桥街',
			site: '社区'
		});
		const call = await createCall(
			ctx,
			{
				channel: 'booth',
				matterId: m.sameDept.id,
				language: 'yue',
				signLanguage: false,
				elderly: false,
				priorityLane: 'none'
			},
			{ boothId: booth.id }
		);
		const kiosk = page(call.callId);
		await sleep(1000);
		kiosk.close(); // power cut: nothing more from the booth
		await waitFor(
			async () => (await callView(ctx, call.callId))?.status === 'abandoned',
			'the offline booth call abandoned'
		);
		expect(q.callById(ctx.db, call.callId)!.endReason).toBe('booth_offline');

		// A Cantonese agent for the matter comes on: there is nobody to offer.
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.sameDept.id, level: 3 },
			{ kind: 'language', code: 'yue', level: 5 }
		]);
		await touchPresence(ctx, agent);
		await setAgentState(ctx, agent, 'available');
		expect(await currentOffer(ctx, agent)).toBeNull();
		await setAgentState(ctx, agent, 'offline');
	});
});

describe('an offer whose caller has gone', () => {
	let quiet: Ctx;
	beforeAll(async () => {
		// No worker here: the accept itself must notice the caller has gone.
		quiet = await routingContext({ CALLER_GONE_SECONDS: '3' });
	});
	afterAll(() => closeRouting(quiet));

	it('is refused at accept with caller_gone; the call is abandoned and the agent free', async () => {
		const { a } = someMatters(quiet);
		const agent = await makeAgent(quiet, [
			{ kind: 'matter', matterId: a.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(quiet, agent, 'available');
		const c = await mobileCall(quiet, { matterId: a.id });
		const offer = (await currentOffer(quiet, agent))!;
		expect(offer.callId).toBe(c.callId);
		// Last heard 10 s ago: the phone vanished while it rang.
		await touchCaller(quiet, c.callId, Date.now() - 10_000);
		await expect(acceptPresentCaller(quiet, agent, offer.offerId)).rejects.toMatchObject({
			status: 409,
			code: 'caller_gone'
		});
		expect((await callView(quiet, c.callId))!.status).toBe('abandoned');
		expect(await currentOffer(quiet, agent)).toBeNull();
		expect((await quiet.redis.hget(`${quiet.prefix}:r:a:${agent}`, 'st')) ?? '').toBe('available');
		await setAgentState(quiet, agent, 'offline');
	});

	it('is accepted as usual while the caller is heard', async () => {
		const { a } = someMatters(quiet);
		const agent = await makeAgent(quiet, [
			{ kind: 'matter', matterId: a.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(quiet, agent, 'available');
		const c = await mobileCall(quiet, { matterId: a.id });
		await touchCaller(quiet, c.callId);
		const offer = (await currentOffer(quiet, agent))!;
		const r = await acceptPresentCaller(quiet, agent, offer.offerId);
		expect(r.callId).toBe(c.callId);
		expect((await callView(quiet, c.callId))!.status).toBe('connected');
		await leaveCall(quiet, c.callId);
	});
});
