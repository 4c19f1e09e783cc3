import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditItem, AuditQuery } from '../../src/lib/contracts/audit-api';
import { auditCsv } from '../../src/lib/server/supervisor/audit-csv';
import { auditPage, auditViewer } from '../../src/lib/server/supervisor/audit-trail';
import { createBooth } from '../../src/lib/server/booths/booths';
import { boothHeartbeat, sweepSilentBooths } from '../../src/lib/server/booths/presence';
import { setScope } from '../../src/lib/server/supervisor/scope';
import { towns, users } from '../../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
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
let onBreak: number;
let call: Awaited<ReturnType<typeof connectedCall>>;
let otherCallId: string;
let booth: { id: number };

/** Every item of a filter, page by page (`limit` per page). */
function everything(q: AuditQuery, limit: number): AuditItem[] {
	const out: AuditItem[] = [];
	let cursor: string | undefined;
	for (let i = 0; i < 1000; i++) {
		const page = auditPage(ctx, { ...q, cursor, limit });
		out.push(...page.items);
		if (!page.next) return out;
		cursor = page.next;
	}
	throw new Error('the pages never end');
}

beforeAll(async () => {
	ctx = await routingContext();
	const id = await makeAgent(ctx, [], 'audit-super');
	supervisor = { id, username: 'audit-super', displayName: '值班长甲', roles: ['supervisor'] };
	const m = someMatters(ctx);
	onBreak = await makeAgent(ctx, [
		{ kind: 'matter', matterId: m.otherDept.id, level: 3 },
		{ kind: 'language', code: 'zh', level: 5 }
	]);
	await setAgentState(ctx, onBreak, 'available');
	await setAgentStateAs(ctx, supervisor, onBreak, { state: 'break', reason: '临时培训' });
	call = await connectedCall(ctx);
	otherCallId = (await mobileCall(ctx, { matterId: m.otherDept.id })).callId;
	booth = await createBooth(ctx, null, { name: '审计测试晓屋', town: '市桥街', site: '社区' });
	const b = { id: booth.id, name: '审计测试晓屋' };
	await boothHeartbeat(ctx, b, 'idle');
	await boothHeartbeat(ctx, b, 'idle'); // a heartbeat without a change is not an entry
	await boothHeartbeat(ctx, b, 'in_call');
	await sweepSilentBooths(ctx, Date.now() + 3_600_000);
});
afterAll(() => closeRouting(ctx));

describe('the audit viewer', () => {
	it('shows a supervisor action, the agent state change it made, and a call offered and answered', () => {
		const { items } = auditPage(ctx, { limit: 200 });
		expect(items).toContainEqual(
			expect.objectContaining({
				kind: 'audit',
				action: 'supervisor.agent_state',
				target: `user:${onBreak}`,
				actor: { kind: 'user', id: supervisor.id, displayName: 'audit-super' }
			})
		);
		expect(items).toContainEqual(
			expect.objectContaining({
				kind: 'agent_state',
				action: 'agent.state',
				target: `user:${onBreak}`,
				actor: expect.objectContaining({ kind: 'user', id: supervisor.id }),
				detail: { state: 'break', reason: '临时培训' }
			})
		);
		expect(items).toContainEqual(
			expect.objectContaining({
				kind: 'call',
				action: 'call.offered',
				target: `call:${call.callId}`,
				actor: { kind: 'system', id: null, displayName: null },
				detail: expect.objectContaining({ agentId: call.agent })
			})
		);
		expect(items).toContainEqual(
			expect.objectContaining({
				action: 'call.connected',
				target: `call:${call.callId}`,
				actor: expect.objectContaining({ kind: 'user', id: call.agent })
			})
		);
		const times = items.map((i) => i.at);
		expect(times).toEqual([...times].sort().reverse());
		// the caller's token never appears
		expect(JSON.stringify(items)).not.toContain(call.callerToken);
	});

	it('filters by call, person, kind, action and time', () => {
		const ofCall = everything({ target: `call:${call.callId}` }, 50);
		expect(ofCall.length).toBeGreaterThanOrEqual(2);
		expect(ofCall.every((i) => i.target === `call:${call.callId}`)).toBe(true);
		expect(ofCall.some((i) => i.target === `call:${otherCallId}`)).toBe(false);

		// what the supervisor did, and what was done to them (their account was created)
		const bySupervisor = everything({ actor: supervisor.id }, 50);
		expect(bySupervisor.map((i) => i.action).sort()).toEqual([
			'agent.create',
			'agent.state',
			'supervisor.agent_state'
		]);

		const states = everything({ kind: 'agent_state', target: `user:${onBreak}` }, 50);
		expect(states.map((i) => i.detail?.state)).toEqual(['break', 'available']);

		const supervisorActions = everything({ action: 'supervisor' }, 50);
		expect(supervisorActions.map((i) => i.action)).toEqual(['supervisor.agent_state']);

		const offers = everything({ action: 'call.offered' }, 50);
		expect(offers.map((i) => i.target)).toContain(`call:${call.callId}`);
		expect(offers.every((i) => i.action === 'call.offered')).toBe(true);

		const future = new Date(Date.now() + 3_600_000).toISOString();
		expect(everything({ from: future }, 50)).toEqual([]);
		const past = new Date(Date.now() - 3_600_000).toISOString();
		expect(everything({ to: past }, 50)).toEqual([]);
	});

	it('pages by cursor over the merged stream without losing or repeating an entry', () => {
		const all = auditPage(ctx, { limit: 200 }).items;
		expect(all.length).toBeGreaterThan(6);
		for (const size of [1, 2, 3, 7]) expect(everything({}, size)).toEqual(all);
		expect(() => auditPage(ctx, { cursor: 'not-a-cursor' })).toThrow(/cursor/);
	});

	it('exports the same rows as CSV with a header, readable by a spreadsheet', () => {
		const all = auditPage(ctx, { limit: 200 }).items;
		const csv = auditCsv(ctx, {});
		expect(csv.startsWith('\uFEFFat,local_time,kind,actor_kind,actor_id,actor_name,action,')).toBe(
			true
		);
		const lines = csv.trimEnd().split('\r\n');
		expect(lines).toHaveLength(all.length + 1);
		expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(all.map((i) => i.at));
		expect(csv).toContain('临时培训');
		const ofCall = auditCsv(ctx, { target: `call:${call.callId}` })
			.trimEnd()
			.split('\r\n');
		expect(ofCall).toHaveLength(everything({ target: `call:${call.callId}` }, 50).length + 1);
	});

	it("records each change of a booth's screen, by the booth itself or the offline sweep", async () => {
		const mine = everything({ target: `booth:${booth.id}`, kind: 'booth_state' }, 50);
		expect(mine.map((i) => [i.kind, i.action, i.actor.kind, i.detail])).toEqual([
			[
				'booth_state',
				'booth.state',
				'booth',
				{ state: 'offline', from: 'in_call', booth: '审计测试晓屋' }
			],
			[
				'booth_state',
				'booth.state',
				'booth',
				{ state: 'in_call', from: 'idle', booth: '审计测试晓屋' }
			],
			[
				'booth_state',
				'booth.state',
				'booth',
				{ state: 'idle', from: 'offline', booth: '审计测试晓屋' }
			]
		]);
		expect(everything({ kind: 'booth_state' }, 50).length).toBeGreaterThanOrEqual(3);
		// no staff member changes a booth's screen: filtering by a person leaves booths out
		expect(everything({ actor: supervisor.id }, 50).some((i) => i.kind === 'booth_state')).toBe(
			false
		);

		// a supervisor sees the booths of their towns only
		const scoped = await makeAgent(ctx, [], 'audit-town-super');
		ctx.db
			.update(users)
			.set({ roles: ['supervisor'] })
			.where(eq(users.id, scoped))
			.run();
		const viewer = { id: scoped, username: 'x', displayName: 'x', roles: ['supervisor' as const] };
		const town = (name: string) =>
			ctx.db.select().from(towns).where(eq(towns.name, name)).get()!.id;
		const boothsSeen = (q: AuditQuery) =>
			auditPage(ctx, { ...q, limit: 200 }, auditViewer(ctx, viewer)).items.filter(
				(i) => i.kind === 'booth_state'
			).length;
		setScope(ctx, 1, scoped, { departmentIds: [], townIds: [town('石楼镇')] });
		expect(boothsSeen({})).toBe(0);
		setScope(ctx, 1, scoped, { departmentIds: [], townIds: [town('市桥街')] });
		expect(boothsSeen({ target: `booth:${booth.id}` })).toBe(3);
	});
});
