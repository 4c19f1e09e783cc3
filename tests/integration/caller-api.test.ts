import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RatingBody } from '../../src/lib/contracts/caller-api';
import { createBooth } from '../../src/lib/server/booths/booths';
import { requireCallAccess } from '../../src/lib/server/calls/access';
import { callView, createCall, leaveCall, type NewCall } from '../../src/lib/server/calls/calls';
import { endCall, wrapUp } from '../../src/lib/server/calls/handling';
import type { Ctx } from '../../src/lib/server/context';
import { followUps, ratings } from '../../src/lib/server/db/schema';
import { readBody } from '../../src/lib/server/http';
import { followUpsOf, ratingOf } from '../../src/lib/server/ratings/queries';
import { rateCall } from '../../src/lib/server/ratings/ratings';
import { currentOffer, acceptOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { closeRouting, makeAgent, routingContext, someMatters } from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
let agent: number;
const staff = { id: 1, username: 'boss', displayName: 'Boss', roles: ['supervisor' as const] };

beforeAll(async () => {
	ctx = await routingContext();
	m = someMatters(ctx);
	agent = await makeAgent(ctx, [
		{ kind: 'matter', matterId: m.a.id, level: 3 },
		{ kind: 'language', code: 'zh', level: 5 }
	]);
});
afterAll(() => closeRouting(ctx));

const base: NewCall = {
	channel: 'mobile',
	matterId: 0,
	language: 'zh',
	signLanguage: false,
	elderly: false,
	priorityLane: 'none'
};

/** A call the agent accepts; `until` says how far it goes (connected, wrap_up, ended). */
async function servedCall(until: 'connected' | 'wrap_up' | 'ended', boothId?: number) {
	await setAgentState(ctx, agent, 'available');
	const c = await createCall(
		ctx,
		{ ...base, matterId: m.a.id, channel: boothId ? 'booth' : 'mobile' },
		{ boothId }
	);
	const offer = await currentOffer(ctx, agent);
	await acceptOffer(ctx, agent, offer!.offerId);
	if (until !== 'connected') await endCall(ctx, agent, c.callId);
	if (until === 'ended')
		await wrapUp(ctx, agent, c.callId, { outcome: 'done', mailResults: false });
	return c;
}

/** Finishes a call still held by the test agent so the next test starts clean. */
async function finish(callId: string) {
	const v = await callView(ctx, callId);
	if (v?.status === 'connected') await endCall(ctx, agent, callId);
	if (v?.status === 'connected' || v?.status === 'wrap_up')
		await wrapUp(ctx, agent, callId, { outcome: 'info', mailResults: false });
}

function jsonRequest(body: unknown) {
	return new Request('http://x/', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

describe('rating a call', () => {
	it('refuses a rating before the call ended (409 not_ended) and stores nothing', async () => {
		const waiting = await createCall(ctx, { ...base, matterId: m.otherDept.id });
		await expect(() => rateCall(ctx, waiting.callId, { score: 5, reasons: [] })).toThrow(
			expect.objectContaining({ status: 409, code: 'not_ended' })
		);
		await leaveCall(ctx, waiting.callId);
		const live = await servedCall('connected');
		expect(() => rateCall(ctx, live.callId, { score: 4, reasons: [] })).toThrow(
			expect.objectContaining({ status: 409, code: 'not_ended' })
		);
		expect(ratingOf(ctx.db, live.callId)).toBeUndefined();
		await finish(live.callId);
	});

	it('accepts one rating once the agent ended the call, then 409 already_rated changes nothing', async () => {
		const c = await servedCall('wrap_up');
		const r = rateCall(ctx, c.callId, { score: 5, reasons: [], comment: '很好' });
		expect(r).toMatchObject({ score: 5, followUp: false });
		expect(() => rateCall(ctx, c.callId, { score: 1, reasons: ['attitude'] })).toThrow(
			expect.objectContaining({ status: 409, code: 'already_rated' })
		);
		expect(ratingOf(ctx.db, c.callId)).toMatchObject({ score: 5, comment: '很好', reasons: [] });
		expect(followUpsOf(ctx.db, c.callId)).toHaveLength(0);
		await finish(c.callId);
	});

	it('a bad rating opens a rectification case owned by the agent, with working-day deadlines', async () => {
		const c = await servedCall('ended');
		// Friday 2026-05-08 10:00 in Shanghai: 1 working day → Monday, 5 → the Friday after.
		const now = Date.parse('2026-05-08T10:00:00+08:00');
		rateCall(ctx, c.callId, { score: 2, reasons: ['wait_long', 'unclear'] }, now);
		expect(ratingOf(ctx.db, c.callId)).toMatchObject({
			score: 2,
			reasons: ['wait_long', 'unclear']
		});
		expect(followUpsOf(ctx.db, c.callId)).toEqual([
			expect.objectContaining({
				kind: 'rectification',
				ownerId: agent,
				status: 'open',
				contactDueAt: '2026-05-11',
				dueAt: '2026-05-15'
			})
		]);
	});

	it('validates score, reasons per level and comment length (400, nothing stored)', async () => {
		const c = await servedCall('ended');
		const bad = [
			{ score: 0 },
			{ score: 6 },
			{ score: 2.5 },
			{ score: 5, reasons: ['attitude'] },
			{ score: 2, reasons: ['attitude'] },
			{ score: 1, reasons: ['attitude', 'attitude'] },
			{ score: 3, comment: 'x'.repeat(501) },
			{}
		];
		for (const body of bad) {
			await expect(readBody(jsonRequest(body), RatingBody)).rejects.toMatchObject({
				status: 400,
				code: 'validation_failed'
			});
		}
		await expect(
			readBody(
				new Request('http://x/', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{'
				}),
				RatingBody
			)
		).rejects.toMatchObject({ status: 400, code: 'invalid_json' });
		expect(ratingOf(ctx.db, c.callId)).toBeUndefined();
		expect(await readBody(jsonRequest({ score: 1, reasons: ['attitude'] }), RatingBody)).toEqual({
			score: 1,
			reasons: ['attitude']
		});
	});

	it('only the call’s caller may rate: its token or its booth; staff, other callers and other booths get 403', async () => {
		const booth = await createBooth(ctx, null, { name: 'r1', town: '市桥街', site: '村委会' });
		const other = await createBooth(ctx, null, { name: 'r2', town: '市桥街', site: '市场' });
		const c = await servedCall('ended', booth.id);
		const mobile = await servedCall('ended');
		const rate = { staff: false };
		const who = (w: Partial<Parameters<typeof requireCallAccess>[1]>) => ({
			user: null,
			booth: null,
			bearer: null,
			...w
		});
		expect(() => requireCallAccess(ctx, who({ user: staff }), c.callId, rate)).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(() =>
			requireCallAccess(ctx, who({ bearer: mobile.callerToken }), c.callId, rate)
		).toThrow(expect.objectContaining({ status: 403 }));
		expect(() => requireCallAccess(ctx, who({ booth: { id: other.id } }), c.callId, rate)).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(() => requireCallAccess(ctx, who({}), c.callId, rate)).toThrow(
			expect.objectContaining({ status: 401 })
		);
		expect(requireCallAccess(ctx, who({ booth: { id: booth.id } }), c.callId, rate).id).toBe(
			c.callId
		);
		expect(requireCallAccess(ctx, who({ bearer: c.callerToken }), c.callId, rate).id).toBe(
			c.callId
		);
		expect(ratingOf(ctx.db, c.callId)).toBeUndefined();
	});

	it('keeps exactly one rating row per call', () => {
		const rows = ctx.db.select().from(ratings).all();
		expect(new Set(rows.map((r) => r.callId)).size).toBe(rows.length);
		expect(
			ctx.db.select().from(followUps).where(eq(followUps.kind, 'rectification')).all()
		).toHaveLength(1);
	});
});

describe('one live call per booth', () => {
	it('refuses a second call with 409 booth_busy and stores nothing; the booth is free once the agent ended', async () => {
		const booth = await createBooth(ctx, null, { name: 'b1', town: '市桥街', site: '村委会' });
		const c = await servedCall('connected', booth.id);
		const second = { ...base, channel: 'booth' as const, matterId: m.a.id };
		await expect(createCall(ctx, second, { boothId: booth.id })).rejects.toMatchObject({
			status: 409,
			code: 'booth_busy'
		});
		// The citizen rates while the agent writes up: the next citizen may already start.
		await endCall(ctx, agent, c.callId);
		const next = await createCall(ctx, second, { boothId: booth.id });
		expect(next.status).toMatch(/queued|offered/);
		await leaveCall(ctx, next.callId);
		await finish(c.callId);
	});
});
