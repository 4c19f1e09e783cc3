import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { createBooth, listBooths } from '../../src/lib/server/booths/booths';
import { createCall, leaveCall } from '../../src/lib/server/calls/calls';
import { acceptOffer, currentOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { setDepartmentAnswerSeconds } from '../../src/lib/server/catalog/catalog';
import type { Ctx } from '../../src/lib/server/context';
import { auditLog, calls, towns, users } from '../../src/lib/server/db/schema';
import { deskSnapshot } from '../../src/lib/server/desk/desk';
import type { BusMessage } from '../../src/lib/server/realtime/bus';
import {
	assignCallAs,
	changeLaneAs,
	setAgentStateAs
} from '../../src/lib/server/supervisor/actions';
import { auditPage, auditViewer } from '../../src/lib/server/supervisor/audit-trail';
import { scopeFilter, scopeOf, setScope, storedScope } from '../../src/lib/server/supervisor/scope';
import { WAITING_LIMIT, wallSnapshot } from '../../src/lib/server/supervisor/wall';
import {
	closeRouting,
	makeAgent,
	mobileCall,
	routingContext,
	someMatters
} from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
let scoped: StaffUser;
let district: StaffUser;
let townId: number;
let boothId: number;
/** The department the scoped supervisor oversees, and a call of it. */
let inDept: { callId: string };
/** A phone call of another department: outside the scope. */
let outside: { callId: string };
/** A booth call of the other department from the overseen town: inside by its town. */
let fromTown: { callId: string };
let seatIn: number;
let seatOut: number;

const zh = (matterId: number) => [
	{ kind: 'matter' as const, matterId, level: 3 },
	{ kind: 'language' as const, code: 'zh', level: 5 }
];
const staff = (id: number, name: string): StaffUser => ({
	id,
	username: name,
	displayName: name,
	roles: ['supervisor']
});

beforeAll(async () => {
	ctx = await routingContext({ WRAP_UP_SECONDS: '0' });
	m = someMatters(ctx);
	scoped = staff(await makeAgent(ctx, [], 'scoped-super'), 'scoped-super');
	district = staff(await makeAgent(ctx, [], 'district-super'), 'district-super');
	for (const u of [scoped, district])
		ctx.db
			.update(users)
			.set({ roles: ['supervisor'] })
			.where(eq(users.id, u.id))
			.run();
	const town = ctx.db.select().from(towns).where(eq(towns.name, '市桥街')).get()!;
	townId = town.id;
	boothId = (await createBooth(ctx, null, { name: '市桥街测试晓屋', town: '市桥街', site: '社区' }))
		.id;
	await createBooth(ctx, null, { name: '别的镇晓屋', town: '石楼镇', site: '市场' });
	setScope(ctx, 1, scoped.id, { departmentIds: [m.a.departmentId], townIds: [townId] });

	seatIn = await makeAgent(ctx, zh(m.a.id));
	seatOut = await makeAgent(ctx, zh(m.otherDept.id));
	inDept = await mobileCall(ctx, { matterId: m.a.id });
	outside = await mobileCall(ctx, { matterId: m.otherDept.id });
	fromTown = await createCall(
		ctx,
		{
			channel: 'booth',
			matterId: m.otherDept.id,
			language: 'zh',
			signLanguage: false,
			elderly: false,
			priorityLane: 'none'
		},
		{ boothId }
	);
});
afterAll(() => closeRouting(ctx));

describe('a supervisor limited to a department and a town', () => {
	it('is stored and read back; an admin and an unscoped supervisor see the whole district', () => {
		expect(storedScope(ctx, scoped.id)).toEqual({
			departmentIds: [m.a.departmentId],
			townIds: [townId]
		});
		expect(scopeOf(ctx, scoped)).not.toBeNull();
		expect(scopeOf(ctx, district)).toBeNull();
		expect(scopeOf(ctx, { ...scoped, roles: ['supervisor', 'admin'] })).toBeNull();
		const audited = ctx.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.target, `user:${scoped.id}`))
			.all()
			.find((a) => a.action === 'admin.supervisor_scope');
		expect(audited?.detail).toEqual({ departmentIds: [m.a.departmentId], townIds: [townId] });
	});

	it('refuses unknown departments and towns and accounts that are not supervisors, changing nothing', () => {
		expect(() => setScope(ctx, 1, scoped.id, { departmentIds: [9999], townIds: [] })).toThrow(
			expect.objectContaining({ status: 400, code: 'unknown_department' })
		);
		expect(() => setScope(ctx, 1, scoped.id, { departmentIds: [], townIds: [9999] })).toThrow(
			expect.objectContaining({ status: 400, code: 'unknown_town' })
		);
		expect(() => setScope(ctx, 1, seatIn, { departmentIds: [], townIds: [] })).toThrow(
			expect.objectContaining({ status: 404 })
		);
		expect(storedScope(ctx, scoped.id).departmentIds).toEqual([m.a.departmentId]);
	});

	it('sees on the wall only the calls, agents and booths of the scope, and says what it covers', async () => {
		const all = await wallSnapshot(ctx);
		const mine = await wallSnapshot(ctx, Date.now(), WAITING_LIMIT, scopeOf(ctx, scoped));
		const ids = (w: typeof all) => w.waiting.map((c) => c.callId).sort();
		expect(ids(all)).toEqual([inDept.callId, outside.callId, fromTown.callId].sort());
		expect(ids(mine)).toEqual([inDept.callId, fromTown.callId].sort());
		expect(mine.waitingTotal).toBe(2);
		// the other department's queue counts only the call from the overseen town
		expect(mine.queues.find((q) => q.key === `dept:${m.otherDept.departmentId}`)).toMatchObject({
			waiting: 1,
			offeredToday: 1
		});
		expect(mine.queues.find((q) => q.key === 'lang:zh')).toMatchObject({ waiting: 2 });
		const agentIds = mine.agents.map((a) => a.id);
		expect(agentIds).toContain(seatIn);
		expect(agentIds).not.toContain(seatOut);
		expect(all.agents.map((a) => a.id)).toContain(seatOut);
		expect(mine.booths.map((b) => b.name)).toEqual(['市桥街测试晓屋']);
		expect(all.booths.length).toBe(listBooths(ctx).length);
		expect(mine.scope?.departments.map((d) => d.id)).toEqual([m.a.departmentId]);
		expect(mine.scope?.towns.map((t) => t.name)).toEqual(['市桥街']);
		expect(all.scope).toBeNull();
	});

	it('gets live events of its scope only; what is addressed to them always passes', () => {
		const accept = scopeFilter(ctx, scoped)!;
		const msg = (type: BusMessage['type'], data: unknown, users?: number[]): BusMessage => ({
			id: '1-0',
			type,
			data,
			audience: users ? { users } : { roles: ['supervisor'] }
		});
		expect(accept(msg('call.updated', { callId: inDept.callId, status: 'queued' }))).toBe(true);
		expect(accept(msg('call.updated', { callId: fromTown.callId, status: 'queued' }))).toBe(true);
		expect(accept(msg('call.updated', { callId: outside.callId, status: 'queued' }))).toBe(false);
		expect(accept(msg('agent.updated', { agentId: seatIn, state: 'available' }))).toBe(true);
		expect(accept(msg('agent.updated', { agentId: seatOut, state: 'available' }))).toBe(false);
		expect(accept(msg('booth.updated', { boothId, state: 'idle' }))).toBe(true);
		const other = listBooths(ctx).find((b) => b.town === '石楼镇')!;
		expect(accept(msg('booth.updated', { boothId: other.id, state: 'idle' }))).toBe(false);
		expect(
			accept(msg('call.updated', { callId: outside.callId, status: 'queued' }, [scoped.id]))
		).toBe(true);
		const cleared = (key: string) => msg('alert.updated', { state: 'cleared', key, id: 'o1' });
		expect(accept(cleared(`wait:dept:${m.a.departmentId}`))).toBe(true);
		expect(accept(cleared(`sl:dept:${m.otherDept.departmentId}`))).toBe(false);
		expect(accept(cleared(`agent:${seatIn}:not_responding`))).toBe(true);
		expect(accept(cleared(`agent:${seatOut}:not_responding`))).toBe(false);
		expect(accept(cleared(`booth:${boothId}:offline`))).toBe(true);
		expect(accept(cleared(`interpreter:${outside.callId}`))).toBe(false);
		expect(scopeFilter(ctx, district)).toBeNull();
	});

	it('is refused actions outside the scope (403 out_of_scope) and nothing changes', async () => {
		await expect(changeLaneAs(ctx, scoped, outside.callId, 'urgent')).rejects.toMatchObject({
			status: 403,
			code: 'out_of_scope'
		});
		expect(
			ctx.db.select().from(calls).where(eq(calls.id, outside.callId)).get()?.priorityLane
		).toBe('none');

		await setAgentState(ctx, seatOut, 'available');
		await expect(
			setAgentStateAs(ctx, scoped, seatOut, { state: 'break', reason: '培训' })
		).rejects.toMatchObject({ status: 403, code: 'out_of_scope' });
		expect((await deskSnapshot(ctx, seatOut)).state).not.toBe('break');
		await setAgentState(ctx, seatOut, 'offline');

		await expect(
			assignCallAs(ctx, scoped, inDept.callId, { agentId: seatOut, override: true })
		).rejects.toMatchObject({ status: 403, code: 'out_of_scope' });
		expect(await currentOffer(ctx, seatOut)).toBeNull();

		// inside the scope the same supervisor acts as usual
		const r = await changeLaneAs(ctx, scoped, fromTown.callId, 'green');
		expect(r).toMatchObject({ lane: 'green' });
	});

	it('reads the audit trail of its scope only', async () => {
		await changeLaneAs(ctx, district, outside.callId, 'green');
		const targets = (items: { target: string | null }[]) => new Set(items.map((i) => i.target));
		const mine = targets(auditPage(ctx, { limit: 200 }, auditViewer(ctx, scoped)).items);
		const all = targets(auditPage(ctx, { limit: 200 }, auditViewer(ctx, district)).items);
		expect(all.has(`call:${outside.callId}`)).toBe(true);
		expect(mine.has(`call:${outside.callId}`)).toBe(false);
		expect(mine.has(`call:${inDept.callId}`)).toBe(true);
		expect(mine.has(`call:${fromTown.callId}`)).toBe(true);
		expect(mine.has(`user:${seatOut}`)).toBe(false);
	});
});

describe('the answer threshold T per department', () => {
	it('a call answered after 1.2 s meets the default T of 20 s, and misses a T of 1 s', async () => {
		for (const c of [inDept, outside, fromTown]) await leaveCall(ctx, c.callId);
		const dept = m.sameDept.departmentId;
		const seat = await makeAgent(ctx, zh(m.sameDept.id));
		const call = await mobileCall(ctx, { matterId: m.sameDept.id });
		await new Promise((r) => setTimeout(r, 1200));
		await setAgentState(ctx, seat, 'available');
		await acceptOffer(ctx, seat, (await currentOffer(ctx, seat))!.offerId);
		const level = async () =>
			(await wallSnapshot(ctx)).queues.find((q) => q.key === `dept:${dept}`)!.serviceLevel;
		const before = await level();
		expect(before).not.toBeNull();

		setDepartmentAnswerSeconds(ctx, 1, dept, 1);
		const strict = await level();
		expect(strict).toBeLessThan(before!);
		setDepartmentAnswerSeconds(ctx, 1, dept, null);
		expect(await level()).toBe(before);
		expect(() => setDepartmentAnswerSeconds(ctx, 1, 99_999, 30)).toThrow(
			expect.objectContaining({ status: 404 })
		);
		await leaveCall(ctx, call.callId);
	});
});
