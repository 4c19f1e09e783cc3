import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallAlert } from '../../src/lib/contracts/alerts';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { createBooth } from '../../src/lib/server/booths/booths';
import { boothHeartbeat, sweepSilentBooths } from '../../src/lib/server/booths/presence';
import { leaveCall } from '../../src/lib/server/calls/calls';
import { requestInterpreter } from '../../src/lib/server/calls/interpreter';
import { currentOffer, declineOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { auditLog, callEvents, calls } from '../../src/lib/server/db/schema';
import type { BusMessage } from '../../src/lib/server/realtime/bus';
import { acknowledgeAlert, openAlerts, syncAlerts } from '../../src/lib/server/supervisor/alerts';
import { wallSnapshot } from '../../src/lib/server/supervisor/wall';
import {
	closeRouting,
	connectedCall,
	makeAgent,
	mobileCall,
	routingContext,
	someMatters
} from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
let duty: StaffUser;
let other: StaffUser;
const seen: BusMessage[] = [];
const WAIT = 90;

/** The alert events published for a key, in order, as [state, occurrence id]. */
const eventsOf = (key: string) =>
	seen
		.filter((e) => e.type === 'alert.updated')
		.map((e) => e.data as { state: string; key?: string; id?: string; alert?: WallAlert })
		.filter((d) => (d.alert?.key ?? d.key) === key)
		.map((d) => [d.state, d.alert?.id ?? d.id]);
const alertOf = async (key: string) => (await openAlerts(ctx)).find((a) => a.key === key);

beforeAll(async () => {
	ctx = await routingContext({
		ALERT_WAIT_SECONDS: String(WAIT),
		ALERT_INTERPRETER_SECONDS: '60',
		OFFER_MAX_MISSES: '2'
	});
	m = someMatters(ctx);
	const staff = async (name: string): Promise<StaffUser> => ({
		id: await makeAgent(ctx, [], name),
		username: name,
		displayName: name,
		roles: ['supervisor']
	});
	duty = await staff('王值班长');
	other = await staff('李值班长');
	await ctx.bus.listen((e) => seen.push(e));
});
afterAll(() => closeRouting(ctx));

describe('a long wait', () => {
	it('is raised past the threshold, acknowledged once, cleared, and comes back as a new alert', async () => {
		const key = `wait:dept:${m.a.departmentId}`;
		const call = await mobileCall(ctx, { matterId: m.a.id });
		await syncAlerts(ctx, Date.now() + (WAIT - 5) * 1000);
		expect(await alertOf(key)).toBeUndefined();

		await syncAlerts(ctx, Date.now() + (WAIT + 1) * 1000);
		const raised = await alertOf(key);
		expect(raised).toMatchObject({ kind: 'wait', severity: 'critical', acknowledged: null });
		expect((await wallSnapshot(ctx)).alerts.map((a) => a.key)).toContain(key);
		await expect.poll(() => eventsOf(key)).toEqual([['open', raised!.id]]);

		const r = await acknowledgeAlert(ctx, duty, key, 'req-1');
		expect(r.acknowledgedNow).toBe(true);
		expect(r.alert.acknowledged?.by).toEqual({ userId: duty.id, displayName: '王值班长' });
		// a second supervisor sees the first one's acknowledgement; nothing is audited twice
		const again = await acknowledgeAlert(ctx, other, key);
		expect(again.acknowledgedNow).toBe(false);
		expect(again.alert.acknowledged?.by.displayName).toBe('王值班长');
		const snap = (await wallSnapshot(ctx)).alerts.find((a) => a.key === key);
		expect(snap?.acknowledged?.by.displayName).toBe('王值班长');
		await expect
			.poll(() => eventsOf(key))
			.toEqual([
				['open', raised!.id],
				['acknowledged', raised!.id]
			]);
		const audited = ctx.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'supervisor.alert_ack'), eq(auditLog.target, `alert:${key}`)))
			.all();
		expect(audited.map((a) => [a.actorId, a.requestId])).toEqual([[duty.id, 'req-1']]);

		// a later check while the same caller still waits changes nothing
		await syncAlerts(ctx, Date.now() + (WAIT + 3) * 1000);
		expect((await alertOf(key))?.acknowledged?.by.userId).toBe(duty.id);

		await leaveCall(ctx, call.callId);
		await syncAlerts(ctx, Date.now() + (WAIT + 5) * 1000);
		expect(await alertOf(key)).toBeUndefined();
		await expect(acknowledgeAlert(ctx, duty, key)).rejects.toMatchObject({ status: 404 });

		const next = await mobileCall(ctx, { matterId: m.a.id });
		await syncAlerts(ctx, Date.now() + (WAIT + 1) * 1000);
		const back = await alertOf(key);
		expect(back?.id).not.toBe(raised!.id);
		expect(back?.acknowledged).toBeNull();
		await expect
			.poll(() => eventsOf(key).map(([s]) => s))
			.toEqual(['open', 'acknowledged', 'cleared', 'open']);
		await leaveCall(ctx, next.callId);
		await syncAlerts(ctx);
	});
});

describe('an agent not responding', () => {
	it('is raised when offers go unanswered, naming the agent, and clears when they are back', async () => {
		const zh = [
			{ kind: 'matter' as const, matterId: m.otherDept.id, level: 3 },
			{ kind: 'language' as const, code: 'zh', level: 5 }
		];
		const agent = await makeAgent(ctx, zh, '陈坐席');
		await setAgentState(ctx, agent, 'available');
		const calls = [];
		for (let i = 0; i < 2; i++) {
			calls.push(await mobileCall(ctx, { matterId: m.otherDept.id }));
			const offer = await currentOffer(ctx, agent);
			await declineOffer(ctx, agent, offer!.offerId);
		}
		await syncAlerts(ctx);
		const key = `agent:${agent}:not_responding`;
		expect(await alertOf(key)).toMatchObject({
			kind: 'agent',
			subject: { name: '陈坐席', agentId: agent }
		});
		await setAgentState(ctx, agent, 'offline');
		await syncAlerts(ctx);
		expect(await alertOf(key)).toBeUndefined();
		for (const c of calls) await leaveCall(ctx, c.callId);
	});
});

describe('an interpreter request nobody took', () => {
	it('is raised once the request has gone untaken for the threshold', async () => {
		const { callId } = await connectedCall(ctx);
		// no sign-language seat is free
		await expect(requestInterpreter(ctx, (await callAgent(callId))!, callId)).rejects.toMatchObject(
			{ code: 'no_interpreter_available' }
		);
		const key = `interpreter:${callId}`;
		await syncAlerts(ctx, Date.now() + 30_000);
		expect(await alertOf(key)).toBeUndefined();
		await syncAlerts(ctx, Date.now() + 61_000);
		const a = await alertOf(key);
		expect(a).toMatchObject({ kind: 'interpreter', severity: 'critical' });
		expect(a?.subject.callId).toBe(callId);
		// the caller's identity is not on it
		expect(JSON.stringify(a)).not.toMatch(/\*{4}/);
		await leaveCall(ctx, callId);
		await syncAlerts(ctx, Date.now() + 61_000);
		expect(await alertOf(key)).toBeUndefined();
	});
});

async function callAgent(callId: string) {
	const snap = await wallSnapshot(ctx);
	return snap.live.find((c) => c.callId === callId)?.agentId;
}

describe('a booth offline', () => {
	it('is raised only during service hours', async () => {
		const hours = await routingContext({ SERVICE_HOURS: 'schedule' });
		try {
			const { id } = await createBooth(hours, null, {
				name: '市桥街晓屋',
				town: '市桥街',
				site: '街道办'
			});
			// Wednesday 6 May 2026, 10:00 and 20:00 in Shanghai
			const open = Date.parse('2026-05-06T02:00:00Z');
			const closed = Date.parse('2026-05-06T12:00:00Z');
			await boothHeartbeat(hours, { id, name: '市桥街晓屋' }, 'idle', open - 600_000);
			await sweepSilentBooths(hours, open);
			const key = `booth:${id}:offline`;
			const find = async () => (await openAlerts(hours)).find((a) => a.key === key);
			await syncAlerts(hours, closed);
			expect(await find()).toBeUndefined();
			await syncAlerts(hours, open);
			expect(await find()).toMatchObject({
				kind: 'booth',
				subject: { name: '市桥街晓屋', town: '市桥街' }
			});
			await syncAlerts(hours, closed);
			expect(await find()).toBeUndefined();
		} finally {
			await closeRouting(hours);
		}
	});
});

describe('with 10,000 callers waiting', () => {
	it('one check raises the long wait from the oldest caller, quickly', async () => {
		const big = await routingContext({ ALERT_WAIT_SECONDS: '60' });
		try {
			const { a } = someMatters(big);
			const start = Date.now() - 3_600_000;
			const at = (i: number) => new Date(start + i * 100).toISOString();
			big.db.transaction((tx) => {
				for (let i = 0; i < 10_000; i++) {
					const id = `bulk-${i}`;
					tx.insert(calls)
						.values({
							id,
							channel: 'mobile',
							matterId: a.id,
							language: 'zh',
							status: 'queued',
							callerTokenHash: `h${i}`,
							queuedAt: at(i)
						})
						.run();
					tx.insert(callEvents)
						.values({ callId: id, type: 'created', toStatus: 'queued', at: at(i) })
						.run();
				}
			});
			const t0 = performance.now();
			await syncAlerts(big);
			const took = performance.now() - t0;
			const wait = (await openAlerts(big)).find((x) => x.key === `wait:dept:${a.departmentId}`);
			expect(wait?.since).toBe(at(0));
			// well inside one sweep interval (ALERT_SWEEP_SECONDS, 5 s by default)
			expect(took).toBeLessThan(1500);
		} finally {
			await closeRouting(big);
		}
	});
});
