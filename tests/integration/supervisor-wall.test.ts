import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaveCall } from '../../src/lib/server/calls/calls';
import { endCall, wrapUp } from '../../src/lib/server/calls/handling';
import { acceptOffer, currentOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { setSkills } from '../../src/lib/server/agents/agents';
import { changeLane } from '../../src/lib/server/calls/lane';
import { SHARE_MS, sharedWallSnapshot } from '../../src/lib/server/supervisor/shared';
import { readToday } from '../../src/lib/server/supervisor/today';
import { waitingPageFor, wallSnapshot } from '../../src/lib/server/supervisor/wall';
import {
	closeRouting,
	makeAgent,
	mobileCall,
	routingContext,
	someMatters
} from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
const admin = { id: 1, username: 'admin', displayName: 'admin', roles: ['admin' as const] };

beforeAll(async () => {
	ctx = await routingContext({ WRAP_UP_SECONDS: '0' });
	m = someMatters(ctx);
});
afterAll(() => closeRouting(ctx));

const queue = (w: Awaited<ReturnType<typeof wallSnapshot>>, key: string) =>
	w.queues.find((q) => q.key === key);

describe('the supervisor wall', () => {
	it('shows a waiting call with why it waits, and counts it in its queues', async () => {
		const dept = `dept:${m.otherDept.departmentId}`;
		const c = await mobileCall(ctx, { matterId: m.otherDept.id, elderly: true });
		const w = await wallSnapshot(ctx);
		expect(w.waitingTotal).toBe(1);
		const row = w.waiting.find((x) => x.callId === c.callId)!;
		expect(row).toMatchObject({
			channel: 'mobile',
			matterId: m.otherDept.id,
			language: 'zh',
			elderly: true,
			lane: 'elderly',
			step: 0,
			reason: { code: 'no_eligible_online' },
			eligibleAgentIds: []
		});
		expect(queue(w, dept)).toMatchObject({ waiting: 1, offeredToday: 1, answeredToday: 0 });
		expect(queue(w, dept)!.serviceLevel).toBeNull();
		expect(queue(w, 'lang:zh')).toMatchObject({ waiting: 1 });
		expect(queue(w, 'lane:elderly')).toMatchObject({ waiting: 1 });
		await leaveCall(ctx, c.callId);
		const after = await wallSnapshot(ctx);
		expect(after.waitingTotal).toBe(0);
		expect(queue(after, dept)).toMatchObject({ waiting: 0, abandonedToday: 1 });
	});

	it('moves an answered call to live and into the day’s figures; a call behind it waits for a busy seat', async () => {
		const dept = `dept:${m.a.departmentId}`;
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.a.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		const first = await mobileCall(ctx);
		let w = await wallSnapshot(ctx);
		expect(w.waiting.find((x) => x.callId === first.callId)!.reason.code).toBe(
			'no_eligible_online'
		);

		await setAgentState(ctx, agent, 'available');
		w = await wallSnapshot(ctx);
		const offered = w.waiting.find((x) => x.callId === first.callId)!;
		expect(offered).toMatchObject({ status: 'offered', reason: { code: 'being_offered' } });
		expect(offered.eligibleAgentIds).toEqual([agent]);
		expect(w.agents.find((a) => a.id === agent)).toMatchObject({ state: 'offered' });

		await acceptOffer(ctx, agent, (await currentOffer(ctx, agent))!.offerId);
		const second = await mobileCall(ctx);
		w = await wallSnapshot(ctx);
		expect(w.waiting.map((x) => x.callId)).toEqual([second.callId]);
		expect(w.waiting[0]).toMatchObject({
			reason: { code: 'all_eligible_busy' },
			eligibleAgentIds: [agent]
		});
		expect(w.live).toEqual([
			expect.objectContaining({ callId: first.callId, agentId: agent, matterId: m.a.id })
		]);
		expect(w.agents.find((a) => a.id === agent)).toMatchObject({
			state: 'busy',
			callId: first.callId
		});
		expect(queue(w, dept)).toMatchObject({
			waiting: 1,
			offeredToday: 2,
			answeredToday: 1,
			serviceLevel: 1,
			agentsEligibleOnline: 1,
			agentsAvailable: 0
		});
		expect(queue(w, dept)!.asaSeconds).toBeGreaterThanOrEqual(0);

		await leaveCall(ctx, second.callId);
		await endCall(ctx, agent, first.callId);
		await wrapUp(ctx, agent, first.callId, { outcome: 'info', mailResults: false });
		w = await wallSnapshot(ctx);
		expect(w.live).toEqual([]);
		expect(w.waitingTotal).toBe(0);
		expect(queue(w, dept)).toMatchObject({ answeredToday: 1, abandonedToday: 1 });
		await setAgentState(ctx, agent, 'break', 'meal');
		w = await wallSnapshot(ctx);
		expect(w.agents.find((a) => a.id === agent)).toMatchObject({
			state: 'break',
			reason: 'meal',
			callId: null
		});
		expect(queue(w, dept)).toMatchObject({ agentsEligibleOnline: 1, agentsAvailable: 0 });
		await setAgentState(ctx, agent, 'offline');
	});

	it('counts today’s calls per hour and over the day, and samples the callers waiting each minute', async () => {
		const hourNow = () =>
			Number(
				new Date().toLocaleString('en-GB', {
					timeZone: 'Asia/Shanghai',
					hour: '2-digit',
					hour12: false
				})
			) % 24;
		const before = await wallSnapshot(ctx);
		expect(before.hours.map((h) => h.hour)).toEqual([...Array(24).keys()]);
		expect(before.waitingTrend).toHaveLength(60);
		const h0 = before.hours[hourNow()]!;

		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.a.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		const waiting = await mobileCall(ctx);
		const left = await mobileCall(ctx, { matterId: m.otherDept.id });
		let w = await wallSnapshot(ctx);
		expect(w.waitingTrend.at(-1)).toMatchObject({ waiting: before.waitingTotal + 2 });
		expect(Date.parse(w.waitingTrend.at(-1)!.at)).toBe(Date.parse(w.at));
		expect(w.hours[hourNow()]).toMatchObject({ offered: h0.offered + 2 });
		expect(w.day.offered).toBe(before.day.offered + 2);

		await leaveCall(ctx, left.callId);
		await setAgentState(ctx, agent, 'available');
		await acceptOffer(ctx, agent, (await currentOffer(ctx, agent))!.offerId);
		w = await wallSnapshot(ctx);
		expect(w.waitingTrend.at(-1)).toMatchObject({ waiting: before.waitingTotal });
		expect(w.hours[hourNow()]).toMatchObject({
			offered: h0.offered + 2,
			answered: h0.answered + 1,
			abandoned: h0.abandoned + 1
		});
		expect(w.day).toMatchObject({
			answered: before.day.answered + 1,
			abandoned: before.day.abandoned + 1
		});
		// the sum of the hours is the day
		const sum = (k: 'offered' | 'answered') => w.hours.reduce((n, h) => n + h[k], 0);
		expect(sum('offered')).toBe(w.day.offered);
		expect(sum('answered')).toBe(w.day.answered);
		expect(w.hours[hourNow()]!.serviceLevel).toBeGreaterThan(0);

		await endCall(ctx, agent, waiting.callId);
		await wrapUp(ctx, agent, waiting.callId, { outcome: 'info', mailResults: false });
		await setAgentState(ctx, agent, 'offline');
	});

	it('lists only the oldest waiting calls but counts them all', async () => {
		const calls = [];
		for (let i = 0; i < 3; i++) {
			calls.push(await mobileCall(ctx, { matterId: m.otherDept.id }));
			await new Promise((r) => setTimeout(r, 5));
		}
		const w = await wallSnapshot(ctx, Date.now(), 2);
		expect(w.waitingTotal).toBe(3);
		expect(w.waiting.map((x) => x.callId)).toEqual(calls.slice(0, 2).map((c) => c.callId));
		expect(w.waitingLimit).toBe(2);
		expect(queue(w, `dept:${m.otherDept.departmentId}`)).toMatchObject({ waiting: 3 });
		expect((await wallSnapshot(ctx)).waitingLimit).toBe(200);
		for (const c of calls) await leaveCall(ctx, c.callId);
	});

	it('pages through every waiting call, all or one queue, each once and oldest first', async () => {
		const calls = [];
		for (let i = 0; i < 7; i++) {
			const matterId = i % 3 === 0 ? m.a.id : m.otherDept.id;
			calls.push({ ...(await mobileCall(ctx, { matterId })), matterId });
			await new Promise((r) => setTimeout(r, 3));
		}
		const w = await wallSnapshot(ctx, Date.now(), 3);
		expect(w.waitingNext).not.toBeNull();
		const seen = w.waiting.map((c) => c.callId);
		let after: string | null = w.waitingNext;
		while (after) {
			const page = await waitingPageFor(ctx, admin, { after, limit: 3 });
			expect(page.total).toBe(7);
			seen.push(...page.items.map((c) => c.callId));
			after = page.next;
		}
		expect(seen).toEqual(calls.map((c) => c.callId));

		const dept = `dept:${m.a.departmentId}`;
		const mine = await waitingPageFor(ctx, admin, { queue: dept, limit: 2 });
		expect(mine.total).toBe(3);
		expect(mine.items.map((c) => c.matterId)).toEqual([m.a.id, m.a.id]);
		const rest = await waitingPageFor(ctx, admin, { queue: dept, after: mine.next!, limit: 2 });
		expect(rest.items.map((c) => c.callId)).toEqual([calls[6]!.callId]);
		expect(rest.next).toBeNull();
		await expect(waitingPageFor(ctx, admin, { after: 'nonsense', limit: 2 })).rejects.toMatchObject(
			{ status: 400 }
		);
		for (const c of calls) await leaveCall(ctx, c.callId);
	});

	it('keeps today’s figures from what changed since the last snapshot, as a fresh read has them', async () => {
		// what the wall shows of today (the thresholds it was computed with are the same config)
		const shown = (t: ReturnType<typeof readToday>) => ({
			byQueue: t.byQueue,
			day: t.day,
			hours: t.hours,
			waitingTrend: t.waitingTrend
		});
		const same = () => {
			const now = Date.now();
			expect(shown(readToday(ctx, now))).toEqual(shown(readToday(ctx, now, { fresh: true })));
		};
		same();
		const a = await mobileCall(ctx, { matterId: m.otherDept.id });
		const b = await mobileCall(ctx);
		same();
		await changeLane(ctx, a.callId, 'green', 0);
		same();
		expect(queue(await wallSnapshot(ctx), 'lane:green')).toMatchObject({ waiting: 1 });
		await leaveCall(ctx, a.callId);
		await leaveCall(ctx, b.callId);
		same();
	});

	it('counts an agent’s new skills on the wall at once', async () => {
		const agent = await makeAgent(ctx, [{ kind: 'language', code: 'zh', level: 5 }]);
		await setAgentState(ctx, agent, 'break');
		const c = await mobileCall(ctx, { matterId: m.otherDept.id });
		const row = async () => (await wallSnapshot(ctx)).waiting.find((x) => x.callId === c.callId)!;
		expect((await row()).eligibleAgentIds).not.toContain(agent);
		await setSkills(ctx, 0, agent, [
			{ kind: 'language', code: 'zh', level: 5 },
			{ kind: 'matter', matterId: m.otherDept.id, level: 3 }
		]);
		expect((await row()).eligibleAgentIds).toContain(agent);
		await leaveCall(ctx, c.callId);
		await setAgentState(ctx, agent, 'offline');
	});

	it('keeps two seats with the same skills apart when one of them is given another matter', async () => {
		const skills = [
			{ kind: 'language' as const, code: 'zh', level: 5 },
			{ kind: 'matter' as const, matterId: m.a.id, level: 3 }
		];
		const twin1 = await makeAgent(ctx, skills);
		const twin2 = await makeAgent(ctx, skills);
		for (const a of [twin1, twin2]) await setAgentState(ctx, a, 'break');
		const c = await mobileCall(ctx, { matterId: m.otherDept.id });
		const row = async () => (await wallSnapshot(ctx)).waiting.find((x) => x.callId === c.callId)!;
		expect((await row()).eligibleAgentIds).not.toContain(twin1);
		// the two seats share one skill profile in the wall's cache until one of them changes
		await setSkills(ctx, 0, twin1, [
			...skills,
			{ kind: 'matter', matterId: m.otherDept.id, level: 2 }
		]);
		const eligible = (await row()).eligibleAgentIds;
		expect(eligible).toContain(twin1);
		expect(eligible).not.toContain(twin2);
		await setSkills(ctx, 0, twin2, [
			...skills,
			{ kind: 'matter', matterId: m.otherDept.id, level: 4 }
		]);
		expect((await row()).eligibleAgentIds).toEqual(expect.arrayContaining([twin1, twin2]));
		await leaveCall(ctx, c.callId);
		for (const a of [twin1, twin2]) await setAgentState(ctx, a, 'offline');
	});

	it('reads the wall once for every supervisor asking within a moment, and afresh after it', async () => {
		const first = sharedWallSnapshot(ctx, admin);
		expect(sharedWallSnapshot(ctx, admin)).toBe(first);
		await first;
		await new Promise((r) => setTimeout(r, SHARE_MS + 10));
		expect(sharedWallSnapshot(ctx, admin)).not.toBe(first);
	});
});
