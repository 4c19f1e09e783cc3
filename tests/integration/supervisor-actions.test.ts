import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { callView, leaveCall } from '../../src/lib/server/calls/calls';
import { explainCall } from '../../src/lib/server/calls/explain';
import { monitorsOf } from '../../src/lib/server/calls/monitor';
import { currentOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { auditLog } from '../../src/lib/server/db/schema';
import { deskSnapshot } from '../../src/lib/server/desk/desk';
import type { BusMessage } from '../../src/lib/server/realtime/bus';
import {
	assignCallAs,
	changeLaneAs,
	monitorCallAs,
	setAgentStateAs
} from '../../src/lib/server/supervisor/actions';
import {
	closeRouting,
	connectedCall,
	makeAgent,
	mobileCall,
	routingContext,
	someMatters
} from './routing-helpers';

let ctx: Ctx;
let supervisor: StaffUser;
let m: ReturnType<typeof someMatters>;
const seen: BusMessage[] = [];
const zh = (matterId: number) => [
	{ kind: 'matter' as const, matterId, level: 3 },
	{ kind: 'language' as const, code: 'zh', level: 5 }
];

beforeAll(async () => {
	ctx = await routingContext();
	m = someMatters(ctx);
	const id = await makeAgent(ctx, [], 'duty-super');
	supervisor = { id, username: 'duty-super', displayName: 'duty-super', roles: ['supervisor'] };
	await ctx.bus.listen((e) => seen.push(e));
});
afterAll(() => closeRouting(ctx));

describe('a supervisor sets an agent state', () => {
	it('the agent goes on break with the reason, sees who did it, and it is audited', async () => {
		const agent = await makeAgent(ctx, zh(m.a.id));
		await setAgentState(ctx, agent, 'available');
		const r = await setAgentStateAs(ctx, supervisor, agent, { state: 'break', reason: '临时培训' });
		expect(r).toEqual({ agentId: agent, state: 'break' });

		const desk = await deskSnapshot(ctx, agent);
		expect(desk).toMatchObject({
			state: 'break',
			reason: '临时培训',
			changedBy: { userId: supervisor.id, displayName: 'duty-super' }
		});
		await expect
			.poll(() =>
				seen.find(
					(e) =>
						e.type === 'agent.updated' &&
						(e.data as { agentId: number }).agentId === agent &&
						(e.data as { state: string }).state === 'break'
				)
			)
			.toMatchObject({
				data: { reason: '临时培训', changedBy: { userId: supervisor.id } },
				audience: { users: [agent] }
			});
		const rows = ctx.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.target, `user:${agent}`))
			.all();
		expect(rows.map((a) => [a.action, a.actorId])).toContainEqual([
			'supervisor.agent_state',
			supervisor.id
		]);

		// the agent's own next change clears "set by the supervisor"
		await setAgentState(ctx, agent, 'available');
		expect((await deskSnapshot(ctx, agent)).changedBy).toBeNull();
		await setAgentState(ctx, agent, 'offline');
	});

	it('a ringing offer is withdrawn and the call goes to another agent', async () => {
		const first = await makeAgent(ctx, zh(m.sameDept.id));
		await setAgentState(ctx, first, 'available');
		const call = await mobileCall(ctx, { matterId: m.sameDept.id });
		expect((await currentOffer(ctx, first))?.callId).toBe(call.callId);
		const second = await makeAgent(ctx, zh(m.sameDept.id));
		await setAgentState(ctx, second, 'available');

		await setAgentStateAs(ctx, supervisor, first, { state: 'break', reason: '设备检修' });
		expect(await currentOffer(ctx, first)).toBeNull();
		expect((await currentOffer(ctx, second))?.callId).toBe(call.callId);
		expect((await deskSnapshot(ctx, first)).changedBy?.userId).toBe(supervisor.id);
		await leaveCall(ctx, call.callId);
		for (const a of [first, second]) await setAgentState(ctx, a, 'offline');
	});

	it('refuses an agent in a call (409) and an unknown agent (404), changing nothing', async () => {
		const { agent, callId } = await connectedCall(ctx);
		await expect(
			setAgentStateAs(ctx, supervisor, agent, { state: 'break', reason: 'x' })
		).rejects.toMatchObject({ status: 409, code: 'in_call' });
		expect((await deskSnapshot(ctx, agent)).state).toBe('busy');
		await expect(
			setAgentStateAs(ctx, supervisor, 999_999, { state: 'break', reason: 'x' })
		).rejects.toMatchObject({ status: 404 });
		await leaveCall(ctx, callId);
	});
});

describe('a supervisor assigns a waiting call', () => {
	const korean = () => mobileCall(ctx, { matterId: m.a.id, language: 'ko' });
	const seat = (lang: string) => [
		{ kind: 'matter' as const, matterId: m.a.id, level: 3 },
		{ kind: 'language' as const, code: lang, level: 5 }
	];

	it('to a seat lacking the language only with override, and the agent is told so', async () => {
		const call = await korean();
		expect(call.status).toBe('queued');
		const english = await makeAgent(ctx, seat('en'));
		await setAgentState(ctx, english, 'available');
		expect(await currentOffer(ctx, english)).toBeNull();

		await expect(
			assignCallAs(ctx, supervisor, call.callId, { agentId: english })
		).rejects.toMatchObject({ status: 409, code: 'not_eligible' });
		expect(await currentOffer(ctx, english)).toBeNull();

		const r = await assignCallAs(ctx, supervisor, call.callId, {
			agentId: english,
			override: true
		});
		expect(r).toMatchObject({ agentId: english, override: true });
		const offer = await currentOffer(ctx, english);
		expect(offer?.callId).toBe(call.callId);
		expect(offer?.call.assignment).toEqual({
			userId: supervisor.id,
			displayName: 'duty-super',
			override: true
		});
		expect((await explainCall(ctx, supervisor, call.callId)).decision).toMatchObject({
			decision: 'offered',
			rule: 'supervisor_override',
			agentId: english,
			assignedBy: supervisor.id
		});
		const rows = ctx.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.target, `call:${call.callId}`))
			.all();
		expect(rows.map((a) => a.action)).toContain('supervisor.assign');
		await leaveCall(ctx, call.callId);
		await setAgentState(ctx, english, 'offline');
	});

	it('refuses a seat that is not free and a call that is not waiting', async () => {
		const call = await korean();
		const away = await makeAgent(ctx, seat('ko'));
		await expect(
			assignCallAs(ctx, supervisor, call.callId, { agentId: away })
		).rejects.toMatchObject({ status: 409, code: 'agent_not_available' });
		const { agent, callId: connected } = await connectedCall(ctx);
		await expect(
			assignCallAs(ctx, supervisor, connected, { agentId: agent })
		).rejects.toMatchObject({ status: 409, code: 'not_waiting' });
		await leaveCall(ctx, call.callId);
		await leaveCall(ctx, connected);
	});

	it('two supervisors at once: one offer is made, the other is told the call is taken', async () => {
		const call = await korean();
		const [a, b] = [await makeAgent(ctx, seat('en')), await makeAgent(ctx, seat('en'))];
		for (const x of [a, b]) await setAgentState(ctx, x, 'available');
		const results = await Promise.allSettled(
			[a, b].map((agentId) =>
				assignCallAs(ctx, supervisor, call.callId, { agentId, override: true })
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(lost.reason).toMatchObject({ status: 409, code: 'not_waiting' });
		const offers = [await currentOffer(ctx, a), await currentOffer(ctx, b)].filter(Boolean);
		expect(offers).toHaveLength(1);
		await leaveCall(ctx, call.callId);
		for (const x of [a, b]) await setAgentState(ctx, x, 'offline');
	});
});

describe('a supervisor moves a waiting call to another lane', () => {
	it('an urgent call goes to the front, and the next free seat takes it first', async () => {
		const first = await mobileCall(ctx, { matterId: m.otherDept.id, language: 'ko' });
		const second = await mobileCall(ctx, { matterId: m.otherDept.id, language: 'ko' });
		expect(await callView(ctx, second.callId)).toMatchObject({ position: 2 });

		const r = await changeLaneAs(ctx, supervisor, second.callId, 'urgent');
		expect(r).toMatchObject({ lane: 'urgent', position: 1 });
		expect(await callView(ctx, first.callId)).toMatchObject({ position: 2 });

		const seat = await makeAgent(ctx, [
			{ kind: 'matter', matterId: m.otherDept.id, level: 3 },
			{ kind: 'language', code: 'ko', level: 5 }
		]);
		await setAgentState(ctx, seat, 'available');
		expect((await currentOffer(ctx, seat))?.callId).toBe(second.callId);
		const rows = ctx.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.target, `call:${second.callId}`))
			.all();
		expect(rows.map((a) => a.action)).toContain('supervisor.lane');
		for (const c of [first, second]) await leaveCall(ctx, c.callId);
		await setAgentState(ctx, seat, 'offline');
	});

	it('refuses a call that is not waiting', async () => {
		const { callId } = await connectedCall(ctx);
		await expect(changeLaneAs(ctx, supervisor, callId, 'urgent')).rejects.toMatchObject({
			status: 409,
			code: 'not_waiting'
		});
		await leaveCall(ctx, callId);
	});
});

describe('a supervisor joins a live call', () => {
	const claims = (token: string) =>
		decodeJwt(token) as { name?: string; sub?: string; video: Record<string, unknown> };

	it('monitor: hidden and listening only; the agent is told; the wall lists the supervisor', async () => {
		const { agent, callId } = await connectedCall(ctx);
		const r = await monitorCallAs(ctx, supervisor, callId, 'monitor');
		const c = claims(r.video!.token);
		expect(c.sub).toBe(`monitor-${supervisor.id}`);
		expect(c.video).toMatchObject({
			room: `call-${callId}`,
			hidden: true,
			canPublish: false,
			canSubscribe: true
		});
		await expect
			.poll(() =>
				seen.find(
					(e) => e.type === 'monitor.updated' && (e.data as { callId: string }).callId === callId
				)
			)
			.toMatchObject({
				data: { mode: 'monitor', supervisor: { userId: supervisor.id } },
				audience: { users: [agent] }
			});
		expect(await monitorsOf(ctx, callId)).toEqual([supervisor.id]);
		await leaveCall(ctx, callId);
	});

	it('barge: visible, can speak, named as 值班长 to the caller; audited', async () => {
		const { callId } = await connectedCall(ctx);
		const r = await monitorCallAs(ctx, supervisor, callId, 'barge');
		const c = claims(r.video!.token);
		expect(c.name).toBe('值班长 duty-super');
		expect(c.video.hidden).toBeUndefined();
		expect(c.video.canPublish).toBe(true);
		const rows = ctx.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.target, `call:${callId}`))
			.all();
		expect(rows.map((a) => a.action)).toContain('supervisor.barge');
		await leaveCall(ctx, callId);
	});

	it('refuses a call that is not connected', async () => {
		const waiting = await mobileCall(ctx, { matterId: m.a.id, language: 'ko' });
		await expect(monitorCallAs(ctx, supervisor, waiting.callId, 'monitor')).rejects.toMatchObject({
			status: 409,
			code: 'not_connected'
		});
		await leaveCall(ctx, waiting.callId);
	});
});
