import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { createBooth } from '../../src/lib/server/booths/booths';
import { callView, createCall, leaveCall } from '../../src/lib/server/calls/calls';
import * as q from '../../src/lib/server/calls/queries';
import type { Ctx } from '../../src/lib/server/context';
import { agentState } from '../../src/lib/server/agents/state';
import { currentOffer, declineOffer, releaseOffer } from '../../src/lib/server/calls/offers';
import { setAgentState, sweepDisconnected } from '../../src/lib/server/calls/seats';
import { explainCall } from '../../src/lib/server/calls/explain';
import { putException, putHours } from '../../src/lib/server/schedule/schedule';
import {
	closeRouting,
	makeAgent,
	routingContext,
	someMatters,
	mobileCall
} from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
const supervisor: StaffUser = { id: 0, username: 's', displayName: 's', roles: ['supervisor'] };
const newCall = (over: Parameters<typeof mobileCall>[1] = {}, c = ctx) =>
	mobileCall(c, { matterId: m.a.id, ...over });
const zhMatter = (matterId: number, level = 3) => [
	{ kind: 'matter' as const, matterId, level },
	{ kind: 'language' as const, code: 'zh', level: 5 }
];

beforeAll(async () => {
	ctx = await routingContext();
	m = someMatters(ctx);
});
afterAll(() => closeRouting(ctx));

describe('who gets which call', () => {
	it('sign-language calls only reach sign-language seats, and say why they wait', async () => {
		const plain = await makeAgent(ctx, zhMatter(m.sameDept.id));
		await setAgentState(ctx, plain, 'available');
		const c = await newCall({ matterId: m.sameDept.id, signLanguage: true });
		expect(c.status).toBe('queued');
		expect(await currentOffer(ctx, plain)).toBeNull();
		const why = await explainCall(ctx, supervisor, c.callId);
		expect(why.decision).toMatchObject({ decision: 'waiting', reason: 'no_eligible_agent_online' });

		const signer = await makeAgent(ctx, [
			...zhMatter(m.sameDept.id),
			{ kind: 'sign_language', level: 4 }
		]);
		await setAgentState(ctx, signer, 'available');
		expect((await currentOffer(ctx, signer))?.callId).toBe(c.callId);
		expect((await explainCall(ctx, supervisor, c.callId)).decision).toMatchObject({
			decision: 'offered',
			agentId: signer,
			rule: 'agent_freed'
		});
		await leaveCall(ctx, c.callId);
		await setAgentState(ctx, plain, 'offline');
		await setAgentState(ctx, signer, 'offline');
	});

	it('takes the most proficient free agent, and prefers elderly-guidance seats for elderly callers', async () => {
		const low = await makeAgent(ctx, zhMatter(m.a.id, 2));
		const high = await makeAgent(ctx, zhMatter(m.a.id, 5));
		const guide = await makeAgent(ctx, [
			...zhMatter(m.a.id, 2),
			{ kind: 'elderly_guidance', level: 5 }
		]);
		for (const a of [low, guide, high]) await setAgentState(ctx, a, 'available');
		const normal = await newCall();
		expect((await currentOffer(ctx, high))?.callId).toBe(normal.callId);
		const elderly = await newCall({ elderly: true });
		expect((await currentOffer(ctx, guide))?.callId).toBe(elderly.callId);
		const why = await explainCall(ctx, supervisor, elderly.callId);
		expect(why.decision).toMatchObject({ rule: 'elderly_guidance', candidates: 2 });
		for (const c of [normal, elderly]) await leaveCall(ctx, c.callId);
		for (const a of [low, guide, high]) await setAgentState(ctx, a, 'offline');
	});

	it('respects the matter minimum level and says "all busy" when eligible agents are occupied', async () => {
		ctx.db.$client.prepare('update matters set min_level = 4 where id = ?').run(m.otherDept.id);
		const weak = await makeAgent(ctx, zhMatter(m.otherDept.id, 3));
		const strong = await makeAgent(ctx, zhMatter(m.otherDept.id, 4));
		await setAgentState(ctx, weak, 'available');
		await setAgentState(ctx, strong, 'available');
		const first = await newCall({ matterId: m.otherDept.id });
		expect((await currentOffer(ctx, strong))?.callId).toBe(first.callId);
		const second = await newCall({ matterId: m.otherDept.id });
		expect(await currentOffer(ctx, weak)).toBeNull();
		expect((await explainCall(ctx, supervisor, second.callId)).decision).toMatchObject({
			reason: 'all_busy'
		});
		for (const c of [first, second]) await leaveCall(ctx, c.callId);
		for (const a of [weak, strong]) await setAgentState(ctx, a, 'offline');
		ctx.db.$client.prepare('update matters set min_level = 1 where id = ?').run(m.otherDept.id);
	});
});

describe('why a call waits, exactly', () => {
	it('a call matched at once records the requirement it was matched in', async () => {
		const a = await makeAgent(ctx, zhMatter(m.sameDept.id));
		await setAgentState(ctx, a, 'available');
		const c = await newCall({ matterId: m.sameDept.id });
		const why = await explainCall(ctx, supervisor, c.callId);
		expect(why.decision).toMatchObject({ decision: 'offered', agentId: a, rule: 'best_fit' });
		expect(why.decision?.requirement).toBe(why.requirement);
		expect(why.requirement).toContain(`m:${m.sameDept.id}`);
		await leaveCall(ctx, c.callId);
		await setAgentState(ctx, a, 'offline');
	});

	it('the only eligible seat let the call pass: it rings there again at once, no cool-down', async () => {
		const a = await makeAgent(ctx, zhMatter(m.sameDept.id));
		await setAgentState(ctx, a, 'available');
		const c = await newCall({ matterId: m.sameDept.id });
		const offer = await currentOffer(ctx, a);
		expect(offer?.callId).toBe(c.callId);
		await declineOffer(ctx, a, offer!.offerId);
		// Nobody else could take it: the caller is not kept waiting for the cool-down.
		const again = await currentOffer(ctx, a);
		expect(again?.callId).toBe(c.callId);
		expect(again?.offerId).not.toBe(offer!.offerId);
		expect((await explainCall(ctx, supervisor, c.callId)).decision).toMatchObject({
			decision: 'offered',
			agentId: a
		});
		await leaveCall(ctx, c.callId);
		await setAgentState(ctx, a, 'offline');
	});

	it('with another eligible seat free, the call goes there and the seat that let it pass cools down', async () => {
		const a = await makeAgent(ctx, zhMatter(m.sameDept.id));
		const b = await makeAgent(ctx, zhMatter(m.sameDept.id));
		await setAgentState(ctx, a, 'available');
		const c = await newCall({ matterId: m.sameDept.id });
		const first = (await currentOffer(ctx, a))!;
		await setAgentState(ctx, b, 'available');
		await declineOffer(ctx, a, first.offerId);
		expect((await currentOffer(ctx, b))?.callId).toBe(c.callId);
		expect(await currentOffer(ctx, a)).toBeNull();
		// b lets it pass too: now every free eligible seat has; a (longest idle) takes it again.
		await declineOffer(ctx, b, (await currentOffer(ctx, b))!.offerId);
		const back = [await currentOffer(ctx, a), await currentOffer(ctx, b)].filter(Boolean);
		expect(back.map((o) => o!.callId)).toEqual([c.callId]);
		await leaveCall(ctx, c.callId);
		for (const x of [a, b]) await setAgentState(ctx, x, 'offline');
	});
});

describe('priority lanes', () => {
	it('a freed agent takes urgent, then green channel, then elderly, then normal, oldest first', async () => {
		const normal1 = await newCall({ matterId: m.sameDept.id });
		const normal2 = await newCall({ matterId: m.sameDept.id });
		const elderly = await newCall({ matterId: m.sameDept.id, elderly: true });
		const green = await newCall({ matterId: m.sameDept.id, priorityLane: 'green' });
		const urgent = await newCall({ matterId: m.sameDept.id, priorityLane: 'urgent' });
		expect((await callView(ctx, normal2.callId))?.position).toBe(5);
		const a = await makeAgent(ctx, zhMatter(m.sameDept.id));
		await setAgentState(ctx, a, 'available');
		const served: string[] = [];
		for (let i = 0; i < 5; i++) {
			const o = (await currentOffer(ctx, a))!;
			served.push(o.callId);
			await leaveCall(ctx, o.callId);
		}
		expect(served).toEqual([urgent, green, elderly, normal1, normal2].map((c) => c.callId));
		await setAgentState(ctx, a, 'offline');
	});
});

describe('agents who do not answer', () => {
	it('after two missed offers the agent is put on break as "not responding"', async () => {
		const a = await makeAgent(ctx, zhMatter(m.a.id));
		await setAgentState(ctx, a, 'available');
		const c1 = await newCall();
		await releaseOffer(ctx, (await currentOffer(ctx, a))!.offerId, 'expired');
		// Nobody else serves the matter: the caller still waits, so it rings here again.
		const c2 = await newCall();
		expect((await currentOffer(ctx, a))?.callId).toBe(c1.callId);
		await releaseOffer(ctx, (await currentOffer(ctx, a))!.offerId, 'expired');
		expect(await agentState(ctx, a)).toBe('break');
		const log = ctx.db.$client
			.prepare('select state, reason from agent_state_log where user_id = ? order by id desc')
			.get(a);
		expect(log).toEqual({ state: 'break', reason: 'not responding' });
		for (const c of [c1, c2]) await leaveCall(ctx, c.callId);
	});

	it('a disconnected agent goes offline and its offer moves to another agent', async () => {
		const gone = await makeAgent(ctx, zhMatter(m.sameDept.id));
		const other = await makeAgent(ctx, zhMatter(m.sameDept.id));
		await setAgentState(ctx, gone, 'available');
		const c = await newCall({ matterId: m.sameDept.id });
		expect((await currentOffer(ctx, gone))?.callId).toBe(c.callId);
		await setAgentState(ctx, other, 'available');
		await ctx.redis.del(`${ctx.prefix}:presence:${gone}`);
		expect(await sweepDisconnected(ctx)).toEqual([gone]);
		expect(await agentState(ctx, gone)).toBe('offline');
		expect((await currentOffer(ctx, other))?.callId).toBe(c.callId);
		expect(q.offersOf(ctx.db, c.callId).map((o) => o.status)).toEqual(['withdrawn', 'pending']);
		await leaveCall(ctx, c.callId);
		await setAgentState(ctx, other, 'offline');
	});
});

describe('booths and service hours', () => {
	it('refuses a second live call from one booth', async () => {
		const booth = await createBooth(ctx, null, { name: 'b1', town: '市桥街', site: '村委会' });
		const c = await newCall({ channel: 'booth' }).catch((e) => e);
		expect(c).toMatchObject({ status: 400 });
		const first = await createCall(
			ctx,
			{
				channel: 'booth',
				matterId: m.a.id,
				language: 'zh',
				signLanguage: false,
				elderly: false,
				priorityLane: 'none'
			},
			{ boothId: booth.id }
		);
		await expect(
			createCall(
				ctx,
				{
					channel: 'booth',
					matterId: m.a.id,
					language: 'zh',
					signLanguage: false,
					elderly: false,
					priorityLane: 'none'
				},
				{ boothId: booth.id }
			)
		).rejects.toMatchObject({ status: 409, code: 'booth_busy' });
		await leaveCall(ctx, first.callId);
		expect((await callView(ctx, first.callId))?.status).toBe('abandoned');
	});

	it('refuses unknown matters and languages with 400 and stores nothing', async () => {
		const before = q.liveCalls(ctx.db).length;
		await expect(newCall({ matterId: 999_999 })).rejects.toMatchObject({ status: 400 });
		await expect(newCall({ language: 'xx' })).rejects.toMatchObject({ status: 400 });
		expect(q.liveCalls(ctx.db).length).toBe(before);
	});

	it('outside the hours a call is refused with the next opening', async () => {
		const sched = await routingContext({ SERVICE_HOURS: 'schedule' });
		try {
			const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
			putHours(sched, 0, { timezone: 'Asia/Shanghai', regular: none, extended: {} });
			const err = await newCall({}, sched).catch((e) => e);
			expect(err).toMatchObject({ status: 409, code: 'closed', extra: { opensAt: null } });
			const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
			putException(sched, 0, day, { kind: 'workday' });
			putHours(sched, 0, {
				timezone: 'Asia/Shanghai',
				regular: { ...none, mon: [['00:00', '24:00']] },
				extended: {}
			});
			// Today is a make-up workday with Monday's hours (all day): open.
			expect((await newCall({}, sched)).status).toBe('queued');
			putException(sched, 0, day, { kind: 'holiday' });
			const closed = await newCall({}, sched).catch((e) => e);
			expect(closed).toMatchObject({ code: 'closed' });
			expect(closed.extra.opensAt).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\+08:00$/);
		} finally {
			await closeRouting(sched);
		}
	});
});
