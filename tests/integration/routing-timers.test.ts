import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { callView, leaveCall } from '../../src/lib/server/calls/calls';
import * as q from '../../src/lib/server/calls/queries';
import type { Ctx } from '../../src/lib/server/context';
import { touchPresence } from '../../src/lib/server/agents/presence';
import { currentOffer, acceptOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { explainCall } from '../../src/lib/server/calls/explain';
import {
	closeRouting,
	makeAgent,
	routingContext,
	someMatters,
	startWorker,
	stopWorker,
	waitFor,
	mobileCall
} from './routing-helpers';

const ENV = {
	OFFER_TIMEOUT_SECONDS: '1',
	ROUTING_ESCALATION: '1:elderly_any_seat,1.5:department,2:language',
	ROUTING_LANGUAGE_RELAX: 'yue:zh'
};
let ctx: Ctx;
let worker: ChildProcess;
let m: ReturnType<typeof someMatters>;
const supervisor: StaffUser = { id: 0, username: 's', displayName: 's', roles: ['supervisor'] };
const newCall = (over: Parameters<typeof mobileCall>[1] = {}) =>
	mobileCall(ctx, { matterId: m.a.id, ...over });

beforeAll(async () => {
	ctx = await routingContext(ENV);
	m = someMatters(ctx);
	worker = await startWorker(ctx, ENV);
});
afterAll(async () => {
	if (worker) await stopWorker(worker);
	await closeRouting(ctx);
});

describe('timers in the worker', () => {
	it('an unanswered offer times out and the call keeps its original place', async () => {
		const a = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.otherDept.id, level: 3 },
			{ kind: 'language', code: 'en', level: 5 }
		]);
		await setAgentState(ctx, a, 'available');
		const beat = setInterval(() => void touchPresence(ctx, a), 200);
		try {
			const first = await newCall({ matterId: m.otherDept.id, language: 'en' });
			const second = await newCall({ matterId: m.otherDept.id, language: 'en' });
			const third = await newCall({ matterId: m.otherDept.id, language: 'en' });
			expect([second.position, third.position]).toEqual([1, 2]);
			const offer = (await currentOffer(ctx, a))!;
			expect(offer.callId).toBe(first.callId);
			// Nobody answers; the worker expires the offer and the agent gets the next caller.
			await waitFor(
				async () => (await currentOffer(ctx, a))?.callId === second.callId,
				'the next offer'
			);
			// Escalation may move the waiting calls between queues meanwhile: poll, then check.
			await waitFor(
				async () =>
					(await callView(ctx, first.callId))?.position === 1 &&
					(await callView(ctx, third.callId))?.position === 2,
				'the first caller back at the front'
			);
			expect(await callView(ctx, first.callId)).toMatchObject({ status: 'queued', position: 1 });
			await expect(acceptOffer(ctx, a, offer.offerId)).rejects.toMatchObject({
				code: 'offer_gone'
			});
			for (const c of [first, second, third]) await leaveCall(ctx, c.callId);
			await setAgentState(ctx, a, 'offline');
		} finally {
			clearInterval(beat);
		}
	});

	it('escalation relaxes requirements at the configured times, visibly on the call', async () => {
		// Only a Mandarin seat of the department is online: a Cantonese caller of another
		// matter in that department waits until the department and language steps apply.
		const a = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.sameDept.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, a, 'available');
		const beat = setInterval(() => void touchPresence(ctx, a), 200);
		try {
			const c = await newCall({ language: 'yue' });
			expect(c.status).toBe('queued');
			await waitFor(
				async () => (await currentOffer(ctx, a))?.callId === c.callId,
				'offer after escalation'
			);
			const row = q.callById(ctx.db, c.callId)!;
			expect(row.escalationStep).toBe(3);
			const steps = q.eventsOf(ctx.db, c.callId).filter((e) => e.type === 'escalated');
			const waited = steps.map((e) => Date.parse(e.at) - Date.parse(row.queuedAt));
			expect(waited.at(-1)).toBeGreaterThanOrEqual(2000);
			const why = await explainCall(ctx, supervisor, c.callId);
			expect(why.relaxations).toEqual(['department', 'language']);
			expect(why.decision).toMatchObject({ decision: 'offered', step: 3 });
			await leaveCall(ctx, c.callId);
			await setAgentState(ctx, a, 'offline');
		} finally {
			clearInterval(beat);
		}
	});

	it('an elderly caller accepts any seat speaking their language after the first step', async () => {
		const a = await makeAgent(ctx, [{ kind: 'language', code: 'yue', level: 5 }]);
		await setAgentState(ctx, a, 'available');
		const beat = setInterval(() => void touchPresence(ctx, a), 200);
		try {
			const c = await newCall({ language: 'yue', elderly: true });
			expect(c.status).toBe('queued');
			await waitFor(async () => (await currentOffer(ctx, a))?.callId === c.callId, 'offer');
			expect(q.callById(ctx.db, c.callId)!.escalationStep).toBeGreaterThanOrEqual(1);
			await leaveCall(ctx, c.callId);
			await setAgentState(ctx, a, 'offline');
		} finally {
			clearInterval(beat);
		}
	});
});
