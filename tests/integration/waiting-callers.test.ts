import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCall, leaveCall } from '../../src/lib/server/calls/calls';
import { wrapUp } from '../../src/lib/server/calls/handling';
import { acceptOffer, currentOffer } from '../../src/lib/server/calls/offers';
import { touchCaller } from '../../src/lib/server/calls/presence';
import * as q from '../../src/lib/server/calls/queries';
import { routeCall } from '../../src/lib/server/calls/route';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { flushed } from '../../src/lib/server/db/group-commit';
import type { BusMessage } from '../../src/lib/server/realtime/bus';
import { closeRouting, makeAgent, routingContext, someMatters, waitFor } from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
const heard: BusMessage[] = [];

beforeAll(async () => {
	ctx = await routingContext({ CALLER_GONE_SECONDS: '30' });
	m = someMatters(ctx);
	await ctx.bus.listen((msg) => heard.push(msg));
});
afterAll(async () => {
	await closeRouting(ctx);
});

const call = (matterId: number, language = 'zh') =>
	createCall(ctx, {
		channel: 'mobile',
		matterId,
		language,
		signLanguage: false,
		elderly: false,
		priorityLane: 'none'
	});

/** The last `call.updated` a caller was sent. */
const lastUpdate = (callId: string) =>
	heard
		.filter((e) => e.type === 'call.updated' && (e.data as { callId: string }).callId === callId)
		.at(-1)?.data as
		{ status: string; position: number | null; wait?: { state: string } } | undefined;

describe('waiting callers', () => {
	it('are told plainly when no seat that handles the matter is online', async () => {
		const c = await call(m.otherDept.id, 'ko');
		expect(c.status).toBe('queued');
		expect(c.wait).toEqual({ state: 'none_online', lowSeconds: null, highSeconds: null });
		expect(c.estimatedWaitSeconds).toBeNull();
		await leaveCall(ctx, c.callId);
	});

	it('see a range while the only seat is busy, and that the seats are on a break when they are', async () => {
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.a.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, agent, 'available');
		await setAgentState(ctx, agent, 'break');
		const onBreak = await call(m.a.id);
		expect(onBreak.wait.state).toBe('all_on_break');
		// the supervisor reads the same reason
		await flushed(ctx.db);
		expect(q.callById(ctx.db, onBreak.callId)?.routingReason?.reason).toBe('all_on_break');
		await leaveCall(ctx, onBreak.callId);

		await setAgentState(ctx, agent, 'available');
		const first = await call(m.a.id);
		expect(first.status).toBe('offered');
		expect(first.wait.state).toBe('ringing');
		const offer = (await currentOffer(ctx, agent))!;
		await acceptOffer(ctx, agent, offer.offerId);
		const second = await call(m.a.id);
		expect(second.wait.state).toBe('busy');
		expect(second.position).toBe(1);
		const { lowSeconds, highSeconds } = second.wait;
		expect(lowSeconds!).toBeLessThan(second.estimatedWaitSeconds!);
		expect(highSeconds!).toBeGreaterThan(second.estimatedWaitSeconds!);
		await leaveCall(ctx, second.callId);
		await leaveCall(ctx, first.callId);
		await wrapUp(ctx, agent, first.callId, { outcome: 'info', mailResults: false });
		await setAgentState(ctx, agent, 'offline');
	});

	it('every one hears their new position when the queue moves, however deep it is', async () => {
		// Korean callers of a group nobody serves: fifteen in one queue
		const queue: Awaited<ReturnType<typeof call>>[] = [];
		for (let i = 0; i < 15; i++) queue.push(await call(m.otherDept.id, 'ko'));
		expect(queue.map((c) => c.position)).toEqual(queue.map((_, i) => i + 1));
		heard.length = 0;
		await leaveCall(ctx, queue[0]!.callId);
		// the head at once, the callers behind it within a second or so
		await waitFor(() => lastUpdate(queue[1]!.callId)?.position === 1, 'the head moves up');
		await waitFor(
			() => lastUpdate(queue[14]!.callId)?.position === 14,
			'the last caller hears their place',
			5000
		);
		for (let i = 1; i < 15; i++) expect(lastUpdate(queue[i]!.callId)?.position).toBe(i);
		expect(lastUpdate(queue[14]!.callId)?.wait?.state).toBe('none_online');
		for (const c of queue.slice(1)) await leaveCall(ctx, c.callId);
	});

	it('a caller gone silent is never offered, even before the presence sweep takes the call out', async () => {
		const c = await call(m.sameDept.id);
		expect(c.status).toBe('queued');
		// not heard from for longer than CALLER_GONE_SECONDS; no sweep runs in this test
		await touchCaller(ctx, c.callId, Date.now() - 31_000);
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.sameDept.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, agent, 'available');
		expect(await currentOffer(ctx, agent)).toBeNull();
		expect((await routeCall(ctx, c.callId)).kind).toBe('skip');
		expect(await currentOffer(ctx, agent)).toBeNull();
		await flushed(ctx.db);
		expect(q.callById(ctx.db, c.callId)?.status).toBe('queued');

		// heard from again: rung at once
		await touchCaller(ctx, c.callId);
		expect((await routeCall(ctx, c.callId)).kind).toBe('offered');
		expect((await currentOffer(ctx, agent))?.callId).toBe(c.callId);
		await leaveCall(ctx, c.callId);
		await setAgentState(ctx, agent, 'offline');
	});
});
