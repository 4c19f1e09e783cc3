import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callView, leaveCall } from '../../src/lib/server/calls/calls';
import { endCall, transferCall, wrapUp } from '../../src/lib/server/calls/handling';
import * as q from '../../src/lib/server/calls/queries';
import type { Ctx } from '../../src/lib/server/context';
import { agentState } from '../../src/lib/server/agents/state';
import { currentOffer, acceptOffer, releaseOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import {
	closeRouting,
	makeAgent,
	routingContext,
	someMatters,
	mobileCall
} from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
const call = (over: Parameters<typeof mobileCall>[1] = {}) =>
	mobileCall(ctx, { matterId: m.a.id, ...over });

beforeAll(async () => {
	ctx = await routingContext();
	m = someMatters(ctx);
});
afterAll(() => closeRouting(ctx));

describe('call lifecycle', () => {
	it('offers a new call to a free eligible agent and follows it to the end', async () => {
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.a.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, agent, 'available');
		const c = await call();
		expect(c.status).toBe('offered');
		const offer = await currentOffer(ctx, agent);
		expect(offer?.callId).toBe(c.callId);
		expect(await agentState(ctx, agent)).toBe('offered');

		const acc = await acceptOffer(ctx, agent, offer!.offerId);
		expect(acc.callId).toBe(c.callId);
		await expect(acceptOffer(ctx, agent, offer!.offerId)).rejects.toMatchObject({
			status: 409,
			code: 'offer_gone'
		});
		expect((await callView(ctx, c.callId))?.status).toBe('connected');
		expect(await agentState(ctx, agent)).toBe('busy');

		await endCall(ctx, agent, c.callId);
		expect(await agentState(ctx, agent)).toBe('wrap_up');
		await wrapUp(ctx, agent, c.callId, { outcome: 'done', mailResults: false });
		expect((await callView(ctx, c.callId))?.status).toBe('ended');
		expect(await agentState(ctx, agent)).toBe('available');

		const types = q.eventsOf(ctx.db, c.callId).map((e) => e.type);
		expect(types).toEqual(['created', 'offered', 'connected', 'wrap_up', 'ended']);
		await setAgentState(ctx, agent, 'offline');
	});

	it('a declined call goes back to its place and is not offered to that agent again', async () => {
		const a1 = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.otherDept.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, a1, 'available');
		const first = await call({ matterId: m.otherDept.id });
		const offer = await currentOffer(ctx, a1);
		expect(offer?.callId).toBe(first.callId);
		// A second call waits behind the first.
		const second = await call({ matterId: m.otherDept.id });
		expect(second.position).toBe(1);
		await releaseOffer(ctx, offer!.offerId, 'declined');
		// The agent is free again and gets the second call, never the declined one.
		const next = await currentOffer(ctx, a1);
		expect(next?.callId).toBe(second.callId);
		const view = await callView(ctx, first.callId);
		expect(view).toMatchObject({ status: 'queued', position: 1 });
		await leaveCall(ctx, first.callId);
		await leaveCall(ctx, second.callId);
		expect(await agentState(ctx, a1)).toBe('available');
		await setAgentState(ctx, a1, 'offline');
	});

	it('transfer re-queues the call ahead of its lane, keeping its wait', async () => {
		const a1 = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.sameDept.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, a1, 'available');
		const c = await call({ matterId: m.sameDept.id });
		const offer = (await currentOffer(ctx, a1))!;
		await acceptOffer(ctx, a1, offer.offerId);
		const other = await makeAgent(ctx, [{ kind: 'language', code: 'zh', level: 1 }]);
		await expect(transferCall(ctx, other, c.callId, {})).rejects.toMatchObject({ status: 403 });
		const r = await transferCall(ctx, a1, c.callId, { matterId: m.otherDept.id });
		expect(r.status).toBe('queued');
		const row = q.callById(ctx.db, c.callId)!;
		expect(row).toMatchObject({ status: 'queued', matterId: m.otherDept.id, agentId: null });
		expect(await agentState(ctx, a1)).toBe('available');
		await leaveCall(ctx, c.callId);
		await setAgentState(ctx, a1, 'offline');
	});
});
