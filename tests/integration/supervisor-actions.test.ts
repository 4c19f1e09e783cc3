import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { leaveCall } from '../../src/lib/server/calls/calls';
import { currentOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { auditLog } from '../../src/lib/server/db/schema';
import { deskSnapshot } from '../../src/lib/server/desk/desk';
import type { BusMessage } from '../../src/lib/server/realtime/bus';
import { setAgentStateAs } from '../../src/lib/server/supervisor/actions';
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
