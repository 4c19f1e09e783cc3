import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { callView, leaveCall } from '../../src/lib/server/calls/calls';
import { monitorsIn, whisperToken } from '../../src/lib/server/calls/monitor';
import { endCall } from '../../src/lib/server/calls/handling';
import { refreshVideo } from '../../src/lib/server/calls/video';
import type { Ctx } from '../../src/lib/server/context';
import { auditLog, callEvents } from '../../src/lib/server/db/schema';
import { deskSnapshot } from '../../src/lib/server/desk/desk';
import type { BusMessage } from '../../src/lib/server/realtime/bus';
import { monitorCallAs } from '../../src/lib/server/supervisor/actions';
import { wallSnapshot } from '../../src/lib/server/supervisor/wall';
import { closeRouting, connectedCall, makeAgent, routingContext, waitFor } from './routing-helpers';
import { startTwirpRecorder } from './support/twirp-recorder';

type Claims = { sub: string; name?: string; video: Record<string, unknown> };
const claims = (token: string) => decodeJwt(token) as Claims;

let recorder: Awaited<ReturnType<typeof startTwirpRecorder>>;
/** MONITOR_NOTICE=always (the default) and MONITOR_NOTICE=barge. */
let always: Ctx;
let bargeOnly: Ctx;
const seen: BusMessage[] = [];

async function supervisorIn(ctx: Ctx, name: string): Promise<StaffUser> {
	const id = await makeAgent(ctx, [], name);
	return { id, username: name, displayName: name, roles: ['supervisor'] };
}
const staff = (id: number, roles: StaffUser['roles']): StaffUser => ({
	id,
	username: `u${id}`,
	displayName: `u${id}`,
	roles
});

/** What the console asked of LiveKit's room service for this call (both of its rooms). */
function roomCalls(callId: string) {
	return recorder.calls
		.filter((c) => [c.body.room, c.body.name].some((r) => String(r).endsWith(callId)))
		.map((c) => ({ op: c.path.split('/').pop(), ...c.body }) as Record<string, unknown>);
}

/** The `monitor.updated` events the agent received for a call, in order. */
const toldAgent = (callId: string, agent: number) =>
	seen
		.filter(
			(e) =>
				e.type === 'monitor.updated' &&
				(e.data as { callId: string }).callId === callId &&
				e.audience.users?.includes(agent)
		)
		.map((e) => (e.data as { mode: string }).mode);

beforeAll(async () => {
	recorder = await startTwirpRecorder();
	const ws = recorder.url.replace('http', 'ws');
	always = await routingContext({ LIVEKIT_URL: ws });
	bargeOnly = await routingContext({ LIVEKIT_URL: ws, MONITOR_NOTICE: 'barge' });
	await always.bus.listen((e) => seen.push(e));
	await bargeOnly.bus.listen((e) => seen.push(e));
});
afterAll(async () => {
	await closeRouting(always);
	await closeRouting(bargeOnly);
	await recorder.close();
});

describe('a duty supervisor switches monitor → whisper → barge → monitor → leave', () => {
	it('gets least-privilege tokens per mode, and LiveKit is told to take back what the new mode does not give', async () => {
		const ctx = always;
		const sup = await supervisorIn(ctx, '张值班');
		const { agent, callId } = await connectedCall(ctx);
		const mainRoom = `call-${callId}`;
		const sideRoom = `whisper-${callId}`;

		// Listening: hidden, subscribe-only, nothing asked of the room service.
		const m = await monitorCallAs(ctx, sup, callId, 'monitor');
		expect(claims(m.video!.token)).toMatchObject({
			sub: `monitor-${sup.id}`,
			video: { room: mainRoom, hidden: true, canPublish: false, canSubscribe: true }
		});
		expect(m.whisper).toBeNull();
		expect(roomCalls(callId).filter((c) => c.op !== 'CreateRoom' || c.name !== mainRoom)).toEqual(
			[]
		);

		// Whispering: still hidden and mute in the call room; microphone only in the side room.
		const w = await monitorCallAs(ctx, sup, callId, 'whisper');
		expect(claims(w.video!.token)).toMatchObject({
			sub: `monitor-${sup.id}`,
			video: { room: mainRoom, hidden: true, canPublish: false }
		});
		const speaker = claims(w.whisper!.token);
		expect(speaker.sub).toBe(`whisper-${sup.id}`);
		expect(speaker.video).toMatchObject({
			room: sideRoom,
			roomJoin: true,
			canPublish: true,
			canPublishSources: ['microphone'],
			canSubscribe: false,
			canPublishData: false
		});
		expect(roomCalls(callId)).toContainEqual(
			expect.objectContaining({ op: 'CreateRoom', name: sideRoom })
		);
		// The agent may listen there and nothing more; the caller's token is for the call room only.
		const listener = claims((await whisperToken(ctx, callId, staff(agent, ['agent']))).token);
		expect(listener.sub).toBe(`agent-${agent}`);
		expect(listener.video).toMatchObject({ room: sideRoom, canSubscribe: true, canPublish: false });
		expect(listener.video.canPublishData).toBe(false);
		const caller = claims((await callView(ctx, callId, 'caller'))!.video!.token);
		expect(caller.video.room).toBe(mainRoom);
		await expect(
			whisperToken(ctx, callId, staff(await makeAgent(ctx, []), ['agent']))
		).rejects.toMatchObject({ status: 403 });

		// Barging: visible as 值班长, speaks; the hidden listener and the whisper go away in LiveKit.
		const before = recorder.calls.length;
		const b = await monitorCallAs(ctx, sup, callId, 'barge');
		const barge = claims(b.video!.token);
		expect(barge).toMatchObject({ sub: `barge-${sup.id}`, name: '值班长 张值班' });
		expect(barge.video.hidden).toBeUndefined();
		expect(barge.video).toMatchObject({ room: mainRoom, canPublish: true });
		expect(b.whisper).toBeNull();
		const switched = recorder.calls.slice(before).map((c) => [c.path.split('/').pop(), c.body]);
		expect(switched).toEqual([
			['RemoveParticipant', { room: mainRoom, identity: `monitor-${sup.id}` }],
			['RemoveParticipant', { room: sideRoom, identity: `whisper-${sup.id}` }],
			['DeleteRoom', { room: sideRoom }]
		]);
		await expect(whisperToken(ctx, callId, staff(agent, ['agent']))).rejects.toMatchObject({
			status: 409,
			code: 'not_whispering'
		});
		// A refreshed token keeps the barging supervisor visible (not silently downgraded).
		const refreshed = await refreshVideo(ctx, callId, { user: sup, isCaller: false });
		expect(claims(refreshed.token)).toMatchObject({
			sub: `barge-${sup.id}`,
			name: '值班长 张值班'
		});

		// Back to listening: the visible participant is removed, whatever the browser does.
		const beforeBack = recorder.calls.length;
		const back = await monitorCallAs(ctx, sup, callId, 'monitor');
		expect(claims(back.video!.token).video.hidden).toBe(true);
		expect(recorder.calls.slice(beforeBack).map((c) => [c.path.split('/').pop(), c.body])).toEqual([
			['RemoveParticipant', { room: mainRoom, identity: `barge-${sup.id}` }]
		]);

		// Leaving: out of the room, off the wall, the agent is told; every step audited.
		const beforeLeave = recorder.calls.length;
		const left = await monitorCallAs(ctx, sup, callId, 'leave');
		expect(left).toMatchObject({ mode: 'leave', video: null, whisper: null });
		expect(recorder.calls.slice(beforeLeave).map((c) => [c.path.split('/').pop(), c.body])).toEqual(
			[['RemoveParticipant', { room: mainRoom, identity: `monitor-${sup.id}` }]]
		);
		expect(await monitorsIn(ctx, callId)).toEqual([]);
		const live = (await wallSnapshot(ctx)).live.find((c) => c.callId === callId)!;
		expect(live).toMatchObject({ monitoredBy: [], monitors: [] });
		await waitFor(() => toldAgent(callId, agent).length === 5, 'five notices to the agent');
		expect(toldAgent(callId, agent)).toEqual(['monitor', 'whisper', 'barge', 'monitor', 'left']);
		const actions = ctx.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.target, `call:${callId}`))
			.all()
			.map((a) => [a.action, a.actorId]);
		expect(actions).toEqual([
			['supervisor.monitor', sup.id],
			['supervisor.whisper', sup.id],
			['supervisor.barge', sup.id],
			['supervisor.monitor', sup.id],
			['supervisor.leave', sup.id]
		]);
		await leaveCall(ctx, callId);
	});

	it('tells the wall who is in the call and how, as it changes', async () => {
		const ctx = always;
		const sup = await supervisorIn(ctx, '李值班');
		const { callId } = await connectedCall(ctx);
		await monitorCallAs(ctx, sup, callId, 'whisper');
		const wall = (await wallSnapshot(ctx)).live.find((c) => c.callId === callId)!;
		expect(wall.monitoredBy).toEqual([sup.id]);
		expect(wall.monitors).toEqual([{ userId: sup.id, displayName: '李值班', mode: 'whisper' }]);
		const toWall = () =>
			seen.filter(
				(e) => e.type === 'monitors.updated' && (e.data as { callId: string }).callId === callId
			);
		await waitFor(() => toWall().length === 1, 'the wall told');
		expect(toWall()[0]).toMatchObject({
			data: { monitors: [{ userId: sup.id, mode: 'whisper' }] },
			audience: { roles: ['supervisor', 'admin'] }
		});
		await monitorCallAs(ctx, sup, callId, 'leave');
		await waitFor(() => toWall().length === 2, 'the wall told of the leave');
		expect(toWall()[1]!.data).toEqual({ callId, monitors: [] });
		await leaveCall(ctx, callId);
	});

	it('keeps the whisper room open while another supervisor still whispers', async () => {
		const ctx = always;
		const a = await supervisorIn(ctx, '王值班');
		const b = await supervisorIn(ctx, '赵值班');
		const { agent, callId } = await connectedCall(ctx);
		await monitorCallAs(ctx, a, callId, 'whisper');
		await monitorCallAs(ctx, b, callId, 'whisper');
		const start = recorder.calls.length;
		await monitorCallAs(ctx, a, callId, 'leave');
		const ops = () => recorder.calls.slice(start).map((c) => [c.path.split('/').pop(), c.body]);
		expect(ops()).toEqual([
			['RemoveParticipant', { room: `call-${callId}`, identity: `monitor-${a.id}` }],
			['RemoveParticipant', { room: `whisper-${callId}`, identity: `whisper-${a.id}` }]
		]);
		expect((await whisperToken(ctx, callId, staff(agent, ['agent']))).token).toBeTruthy();
		// The one who left gets no more whisper tokens; the one still whispering does.
		await expect(whisperToken(ctx, callId, a)).rejects.toMatchObject({ status: 403 });
		expect(claims((await whisperToken(ctx, callId, b)).token).sub).toBe(`whisper-${b.id}`);
		await monitorCallAs(ctx, b, callId, 'leave');
		expect(ops()).toContainEqual(['DeleteRoom', { room: `whisper-${callId}` }]);
		await leaveCall(ctx, callId);
	});

	it('takes every supervisor out of a call when its conversation ends, and tells the wall and the agent', async () => {
		const ctx = always;
		const a = await supervisorIn(ctx, '周值班');
		const b = await supervisorIn(ctx, '吴值班');
		const { agent, callId } = await connectedCall(ctx);
		await monitorCallAs(ctx, a, callId, 'whisper');
		await monitorCallAs(ctx, b, callId, 'barge');
		const start = recorder.calls.length;
		await endCall(ctx, agent, callId);
		expect(await monitorsIn(ctx, callId)).toEqual([]);
		expect(await always.redis.exists(`${ctx.prefix}:monitor:${callId}`)).toBe(0);
		// LiveKit: the whisperer's two identities and the barging one leave, the side room closes
		const ops = recorder.calls.slice(start).map((c) => [c.path.split('/').pop(), c.body]);
		expect(ops).toEqual(
			expect.arrayContaining([
				['RemoveParticipant', { room: `call-${callId}`, identity: `monitor-${a.id}` }],
				['RemoveParticipant', { room: `whisper-${callId}`, identity: `whisper-${a.id}` }],
				['DeleteRoom', { room: `whisper-${callId}` }],
				['RemoveParticipant', { room: `call-${callId}`, identity: `barge-${b.id}` }]
			])
		);
		await waitFor(
			() =>
				seen.some(
					(e) =>
						e.type === 'monitors.updated' &&
						(e.data as { callId: string; monitors: unknown[] }).callId === callId &&
						(e.data as { monitors: unknown[] }).monitors.length === 0
				),
			'the wall told the call has no supervisor left'
		);
		await waitFor(() => toldAgent(callId, agent).at(-1) === 'left', 'the agent told');
		expect(toldAgent(callId, agent).filter((m) => m === 'left')).toHaveLength(2);
		// the call's history records each of them leaving
		const left = ctx.db
			.select()
			.from(callEvents)
			.where(eq(callEvents.callId, callId))
			.all()
			.filter((r) => r.type === 'supervisor_left');
		expect(left.map((r) => r.agentId).sort()).toEqual([a.id, b.id].sort());
	});

	it('refuses a whisper in a call that is not connected, but lets a supervisor leave it', async () => {
		const ctx = always;
		const sup = await supervisorIn(ctx, '钱值班');
		const { callId } = await connectedCall(ctx);
		await monitorCallAs(ctx, sup, callId, 'monitor');
		await leaveCall(ctx, callId);
		await expect(monitorCallAs(ctx, sup, callId, 'whisper')).rejects.toMatchObject({
			status: 409,
			code: 'not_connected'
		});
		await expect(monitorCallAs(ctx, sup, callId, 'leave')).resolves.toMatchObject({
			mode: 'leave'
		});
		expect(await monitorsIn(ctx, callId)).toEqual([]);
	});
});

describe('what the agent is told (MONITOR_NOTICE)', () => {
	it('always: every mode, on the desk snapshot too', async () => {
		const ctx = always;
		const sup = await supervisorIn(ctx, '孙值班');
		const { agent, callId } = await connectedCall(ctx);
		await monitorCallAs(ctx, sup, callId, 'monitor');
		expect((await deskSnapshot(ctx, agent)).monitors).toEqual([
			{ callId, mode: 'monitor', supervisor: { userId: sup.id, displayName: '孙值班' } }
		]);
		await monitorCallAs(ctx, sup, callId, 'leave');
		expect((await deskSnapshot(ctx, agent)).monitors).toEqual([]);
		await leaveCall(ctx, callId);
	});

	it('barge: only while the supervisor speaks; stopping reads as gone', async () => {
		const ctx = bargeOnly;
		const sup = await supervisorIn(ctx, '周值班');
		const { agent, callId } = await connectedCall(ctx);
		await monitorCallAs(ctx, sup, callId, 'monitor');
		expect((await deskSnapshot(ctx, agent)).monitors).toEqual([]);
		await monitorCallAs(ctx, sup, callId, 'whisper');
		expect((await deskSnapshot(ctx, agent)).monitors).toMatchObject([
			{ mode: 'whisper', supervisor: { displayName: '周值班' } }
		]);
		await monitorCallAs(ctx, sup, callId, 'barge');
		await monitorCallAs(ctx, sup, callId, 'monitor');
		expect((await deskSnapshot(ctx, agent)).monitors).toEqual([]);
		await monitorCallAs(ctx, sup, callId, 'leave');
		await waitFor(() => toldAgent(callId, agent).length === 3, 'three notices');
		// Never told of the listening, neither before nor after the speaking.
		await new Promise((r) => setTimeout(r, 100));
		expect(toldAgent(callId, agent)).toEqual(['whisper', 'barge', 'left']);
		await leaveCall(ctx, callId);
	});
});
