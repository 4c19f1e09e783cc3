import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { touchPresence } from '../../src/lib/server/agents/presence';
import { agentState } from '../../src/lib/server/agents/state';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { callView } from '../../src/lib/server/calls/calls';
import { endCall, wrapUp, WRAP_UP_OVERRUN } from '../../src/lib/server/calls/handling';
import { acceptOffer, currentOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { deskSnapshot } from '../../src/lib/server/desk/desk';
import { setAgentStateAs } from '../../src/lib/server/supervisor/actions';
import {
	closeRouting,
	connectedCall,
	makeAgent,
	mobileCall,
	routingContext,
	startWorker,
	stopWorker,
	waitFor
} from './routing-helpers';

const ENV = { WRAP_UP_SECONDS: '1' };
let ctx: Ctx;
let worker: ChildProcess;
let supervisor: StaffUser;

beforeAll(async () => {
	ctx = await routingContext(ENV);
	const id = await makeAgent(ctx, [], 'overrun-super');
	supervisor = { id, username: 'overrun-super', displayName: '值班长', roles: ['supervisor'] };
	worker = await startWorker(ctx, ENV);
});
afterAll(async () => {
	if (worker) await stopWorker(worker);
	await closeRouting(ctx);
});

/** An agent in wrap-up past its time, with the next caller of the same matter waiting. */
async function overrunWithCallerWaiting() {
	const first = await connectedCall(ctx);
	const beat = setInterval(() => void touchPresence(ctx, first.agent), 200);
	await endCall(ctx, first.agent, first.callId);
	const next = await mobileCall(ctx);
	// The worker's wrap-up timer fires and logs the overrun: the agent is still wrapping up.
	await waitFor(
		async () => (await deskSnapshot(ctx, first.agent)).reason === WRAP_UP_OVERRUN,
		'the wrap-up overrun'
	);
	return { ...first, next: next.callId, stop: () => clearInterval(beat) };
}

describe('wrap-up that runs over its time', () => {
	it('keeps the agent in wrap-up, rings no call, and the outcome frees them for the waiting caller', async () => {
		const s = await overrunWithCallerWaiting();
		try {
			expect(await agentState(ctx, s.agent)).toBe('wrap_up');
			expect(await currentOffer(ctx, s.agent)).toBeNull();
			expect((await callView(ctx, s.next))!.status).toBe('queued');
			// The agent cannot skip the outcome by going available (or on a break) themselves.
			await expect(setAgentState(ctx, s.agent, 'available')).rejects.toMatchObject({
				status: 409,
				code: 'in_call'
			});
			await expect(setAgentState(ctx, s.agent, 'break', 'rest')).rejects.toMatchObject({
				status: 409
			});
			expect(await agentState(ctx, s.agent)).toBe('wrap_up');
			expect((await deskSnapshot(ctx, s.agent)).pendingWrapUps).toEqual([s.callId]);

			await wrapUp(ctx, s.agent, s.callId, { outcome: 'done', mailResults: false });
			expect((await callView(ctx, s.callId))!.status).toBe('ended');
			const offer = await waitFor(() => currentOffer(ctx, s.agent), 'the next offer');
			expect(offer.callId).toBe(s.next);
			await acceptOffer(ctx, s.agent, offer.offerId);
			await endCall(ctx, s.agent, s.next);
			await wrapUp(ctx, s.agent, s.next, { outcome: 'info', mailResults: false });
			await setAgentState(ctx, s.agent, 'offline');
		} finally {
			s.stop();
		}
	});

	it('a supervisor may release the agent; the outcome can still be recorded afterwards', async () => {
		const s = await overrunWithCallerWaiting();
		try {
			const r = await setAgentStateAs(ctx, supervisor, s.agent, {
				state: 'available',
				reason: '释放话后'
			});
			expect(r.state).not.toBe('wrap_up');
			const offer = await waitFor(() => currentOffer(ctx, s.agent), 'the next offer');
			expect(offer.callId).toBe(s.next);
			expect((await deskSnapshot(ctx, s.agent)).pendingWrapUps).toEqual([s.callId]);
			await acceptOffer(ctx, s.agent, offer.offerId);
			// The earlier outcome is still taken, and does not free the agent from the new call.
			await wrapUp(ctx, s.agent, s.callId, { outcome: 'need_docs', mailResults: false });
			expect((await callView(ctx, s.callId))!.status).toBe('ended');
			expect(await agentState(ctx, s.agent)).toBe('busy');
			await endCall(ctx, s.agent, s.next);
			await wrapUp(ctx, s.agent, s.next, { outcome: 'info', mailResults: false });
			await setAgentState(ctx, s.agent, 'offline');
		} finally {
			s.stop();
		}
	});
});
