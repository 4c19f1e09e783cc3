import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSkills } from '../../src/lib/server/agents/agents';
import { leaveCall } from '../../src/lib/server/calls/calls';
import * as q from '../../src/lib/server/calls/queries';
import type { Ctx } from '../../src/lib/server/context';
import { openDb, type Db } from '../../src/lib/server/db';
import { flushed } from '../../src/lib/server/db/group-commit';
import { calls, matters } from '../../src/lib/server/db/schema';
import type { BusMessage } from '../../src/lib/server/realtime/bus';
import { agentState } from '../../src/lib/server/agents/state';
import { currentOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { requirementOf } from '../../src/lib/server/routing/policy';
import * as live from '../../src/lib/server/routing/live';
import {
	closeRouting,
	makeAgent,
	mobileCall,
	routingContext,
	someMatters
} from './routing-helpers';

let ctx: Ctx;
let other: Db;
let m: ReturnType<typeof someMatters>;
const heard: BusMessage[] = [];

beforeAll(async () => {
	ctx = await routingContext();
	m = someMatters(ctx);
	// a second connection to the same file, as another process would have
	other = openDb(ctx.cfg.databasePath, { migrate: false });
	await ctx.bus.listen((msg) => heard.push(msg));
});
afterAll(async () => {
	other.$client.close();
	await closeRouting(ctx);
});

/** Events heard so far about a call or an agent, in order. */
async function eventsOf(pick: (m: BusMessage) => boolean, atLeast: number) {
	for (let i = 0; i < 100 && heard.filter(pick).length < atLeast; i++)
		await new Promise((r) => setTimeout(r, 10));
	return heard.filter(pick);
}
const about = (callId: string, agentId: number) => (msg: BusMessage) => {
	const d = msg.data as { callId?: string; agentId?: number };
	return d.callId === callId || d.agentId === agentId || !!msg.audience.users?.includes(agentId);
};

async function freeAgent() {
	const agent = await makeAgent(ctx, [
		{ kind: 'matter', matterId: m.a.id, level: 3 },
		{ kind: 'language', code: 'zh', level: 5 }
	]);
	await setAgentState(ctx, agent, 'available');
	heard.length = 0;
	return agent;
}

describe('the routing hot path', () => {
	it('tells the agent about a new call exactly as the agent would read it back', async () => {
		const agent = await freeAgent();
		const before = await ctx.bus.lastId();
		const call = await mobileCall(ctx);
		const events = await eventsOf(about(call.callId, agent), 3);
		expect(events.map((e) => e.type)).toEqual(['offer.created', 'agent.updated', 'call.updated']);
		const offer = (await currentOffer(ctx, agent))!;
		expect(events[0]!.data).toEqual({
			offerId: offer.offerId,
			callId: call.callId,
			expiresAt: offer.expiresAt,
			call: offer.call
		});
		expect(events[0]!.audience).toEqual({ users: [agent] });
		expect(events[1]!.data).toMatchObject({ agentId: agent, state: 'offered', reason: null });
		expect(events[2]!.data).toEqual({
			callId: call.callId,
			status: 'offered',
			position: null,
			estimatedWaitSeconds: null
		});
		// the replay stream holds the same events (a reconnecting console catches up with them)
		const replay = await ctx.bus.since(before);
		expect(replay!.filter(about(call.callId, agent)).map((e) => e.data)).toEqual(
			events.map((e) => e.data)
		);
		await leaveCall(ctx, call.callId);
		await setAgentState(ctx, agent, 'offline');
	});

	it('a caller who leaves withdraws the offer and the agent hears it, then is free', async () => {
		const agent = await freeAgent();
		const call = await mobileCall(ctx);
		const offer = (await currentOffer(ctx, agent))!;
		heard.length = 0;
		expect(await leaveCall(ctx, call.callId)).toEqual({ status: 'abandoned' });
		const events = await eventsOf(about(call.callId, agent), 3);
		expect(events.map((e) => [e.type, e.data])).toEqual([
			[
				'call.updated',
				{ callId: call.callId, status: 'abandoned', position: null, estimatedWaitSeconds: null }
			],
			['offer.withdrawn', { offerId: offer.offerId, callId: call.callId, reason: 'caller_left' }],
			['agent.updated', expect.objectContaining({ agentId: agent, state: 'available' })]
		]);
		expect(await agentState(ctx, agent)).toBe('available');
		await flushed(ctx.db);
		expect(q.offerById(other, offer.offerId)?.status).toBe('withdrawn');
		await setAgentState(ctx, agent, 'offline');
	});

	it('a caller who leaves as the agent accepts does not pull the call from under the agent', async () => {
		const agent = await freeAgent();
		const call = await mobileCall(ctx);
		const offer = (await currentOffer(ctx, agent))!;
		// the acceptance is decided in Redis; its SQLite record has not been written yet
		expect(await live.accept(ctx, offer.offerId, agent, Date.now())).not.toBeNull();
		expect(q.callById(ctx.db, call.callId)?.status).toBe('offered');
		expect(await leaveCall(ctx, call.callId)).toEqual({ status: 'offered' });
		expect((await live.call(ctx, call.callId)).state).toBe('connected');
		expect(await agentState(ctx, agent)).toBe('busy');
		// and should the call end behind the agent's back, the agent is not stuck "busy"
		await expect(setAgentState(ctx, agent, 'break')).rejects.toMatchObject({ code: 'in_call' });
		await live.removeCall(ctx, call.callId, Date.now());
		expect(await setAgentState(ctx, agent, 'break')).toEqual({ state: 'break' });
		await setAgentState(ctx, agent, 'offline');
	});

	it('the call is on disk for other processes once the caller has heard back', async () => {
		const call = await mobileCall(ctx);
		await flushed(ctx.db);
		expect(other.select().from(calls).where(eq(calls.id, call.callId)).get()?.status).toBe(
			'queued'
		);
		await leaveCall(ctx, call.callId);
	});

	it('sees catalogue changes another process makes at once', async () => {
		// (one thread holding two connections must let its own open group commit first)
		await flushed(ctx.db);
		other.update(matters).set({ active: false }).where(eq(matters.id, m.sameDept.id)).run();
		await expect(mobileCall(ctx, { matterId: m.sameDept.id })).rejects.toMatchObject({
			status: 400,
			code: 'unknown_matter'
		});
		await flushed(ctx.db);
		other.update(matters).set({ active: true }).where(eq(matters.id, m.sameDept.id)).run();
		const call = await mobileCall(ctx, { matterId: m.sameDept.id });
		expect(call.status).toBe('queued');
		await leaveCall(ctx, call.callId);
	});

	it('new skills count from the next time the agent becomes available', async () => {
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.a.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, agent, 'available');
		const call = await mobileCall(ctx, { matterId: m.sameDept.id });
		expect(call.status).toBe('queued');
		await setAgentState(ctx, agent, 'break');
		await setAgentState(ctx, agent, 'available');
		expect(await currentOffer(ctx, agent)).toBeNull();
		await setSkills(ctx, 0, agent, [
			{ kind: 'matter', matterId: m.a.id, level: 3 },
			{ kind: 'matter', matterId: m.sameDept.id, level: 2 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, agent, 'break');
		await setAgentState(ctx, agent, 'available');
		expect((await currentOffer(ctx, agent))?.callId).toBe(call.callId);
		await leaveCall(ctx, call.callId);
		await setAgentState(ctx, agent, 'offline');
	});

	it('drops a live call that was never stored, and frees the agent it was offered to', async () => {
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.a.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		// as if a process queued a call in Redis and died before committing its row
		const ghost = '00000000-0000-4000-8000-000000000001';
		const facts = {
			matterId: m.a.id,
			departmentId: m.a.departmentId,
			minLevel: 1,
			language: 'zh',
			sign: false,
			elderly: false,
			priorityLane: 'none' as const,
			inAppointmentSlot: false
		};
		await live.enqueue(ctx, ghost, requirementOf(ctx, facts, 0).bucket, 1, false, 'new');
		await setAgentState(ctx, agent, 'available');
		expect(await agentState(ctx, agent)).toBe('available');
		expect(await currentOffer(ctx, agent)).toBeNull();
		expect((await live.call(ctx, ghost)).state).toBe('over');
		await setAgentState(ctx, agent, 'offline');
	});
});
