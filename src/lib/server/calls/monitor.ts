import type { StateChanger } from '../../contracts/events';
import { displayName } from '../agents/queries';
import type { StaffUser } from '../auth/auth';
import type { Ctx } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { videoAccess, whisperAccess, type VideoAccess } from '../video/access';
import { identityFor } from '../video/tokens';
import * as q from './queries';

/**
 * How a duty supervisor is in a live call: listening hidden (`monitor`), speaking to the agent
 * only (`whisper`), or speaking to both sides (`barge`).
 */
export type MonitorMode = 'monitor' | 'whisper' | 'barge';
/** What a supervisor asks for: a mode, or to leave the call. */
export type MonitorAction = MonitorMode | 'leave';

/** One supervisor in a call, as the wall lists them. */
export interface Monitor {
	userId: number;
	displayName: string;
	mode: MonitorMode;
}

const MODES: MonitorMode[] = ['monitor', 'whisper', 'barge'];
const monitorsKey = (ctx: Ctx, callId: string) => `${ctx.prefix}:monitor:${callId}`;
/** Whether the agent hears the supervisor in this mode. */
const speaks = (m: MonitorMode | null) => m === 'whisper' || m === 'barge';
/** The supervisor's identity in the call's own room: hidden unless barging. */
const mainIdentity = (mode: MonitorMode, userId: number) =>
	identityFor(mode === 'barge' ? 'barge' : 'monitor', userId);

function parse(userId: string, raw: string): Monitor | null {
	try {
		const v = JSON.parse(raw) as { mode: MonitorMode; displayName: string };
		return MODES.includes(v.mode)
			? { userId: Number(userId), displayName: v.displayName, mode: v.mode }
			: null;
	} catch {
		return null;
	}
}

/** Every supervisor in a call now, with their mode (for the wall). */
export async function monitorsIn(ctx: Ctx, callId: string): Promise<Monitor[]> {
	const all = await ctx.redis.hgetall(monitorsKey(ctx, callId));
	return Object.entries(all)
		.map(([id, raw]) => parse(id, raw))
		.filter((m): m is Monitor => m !== null)
		.sort((a, b) => a.userId - b.userId);
}

/** The supervisors who joined a call (for the wall), by user id. */
export async function monitorsOf(ctx: Ctx, callId: string): Promise<number[]> {
	return (await monitorsIn(ctx, callId)).map((m) => m.userId);
}

/** Whether the console's policy tells the agent about a supervisor in this mode. */
export function agentIsTold(ctx: Ctx, mode: MonitorMode | null): boolean {
	return mode !== null && (ctx.cfg.MONITOR_NOTICE === 'always' || speaks(mode));
}

/** The supervisors in a call the agent is told about (MONITOR_NOTICE), for the agent's desk. */
export async function monitorsToldToAgent(ctx: Ctx, callId: string) {
	return (await monitorsIn(ctx, callId))
		.filter((m) => agentIsTold(ctx, m.mode))
		.map((m) => ({
			callId,
			mode: m.mode,
			supervisor: { userId: m.userId, displayName: m.displayName }
		}));
}

/**
 * Takes away in LiveKit what the new mode does not give, whatever the supervisor's browser does:
 * the identity of the old mode leaves the call's room (a barging supervisor stops being seen and
 * heard by the caller), and a whisperer leaves the whisper room, which closes with its last one.
 */
async function revoke(
	ctx: Ctx,
	callId: string,
	userId: number,
	before: MonitorMode | null,
	after: MonitorMode | null,
	whisperersLeft: number
): Promise<void> {
	if (!before) return;
	if (!after || mainIdentity(before, userId) !== mainIdentity(after, userId))
		await ctx.video.rooms.removeParticipant(callId, mainIdentity(before, userId));
	if (before === 'whisper' && after !== 'whisper') {
		await ctx.video.rooms.removeFromWhisper(callId, `whisper-${userId}`);
		if (whisperersLeft === 0) await ctx.video.rooms.closeWhisperRoom(callId);
	}
}

const TRANSITION: Record<MonitorAction, string> = {
	monitor: 'supervisor_monitoring',
	whisper: 'supervisor_whispering',
	barge: 'supervisor_barged',
	leave: 'supervisor_left'
};

/**
 * A duty supervisor joins, switches mode in, or leaves a connected call's video. `monitor` is a
 * hidden, subscribe-only participant; `whisper` stays so in the call's room and adds a
 * microphone-only token for the whisper room, where only the agent may listen; `barge` joins
 * visibly, can speak, and is shown to the caller as 值班长 and their name. Switching revokes the
 * old mode's rights in LiveKit. The agent is told according to MONITOR_NOTICE (`always`, or
 * only while the supervisor speaks: then a supervisor who stops speaking reaches them as
 * `left`); the wall is told always. 409 `not_connected` unless the call is connected (leaving
 * is always allowed).
 */
export async function monitorCall(
	ctx: Ctx,
	callId: string,
	by: StateChanger,
	action: MonitorAction
): Promise<{
	callId: string;
	mode: MonitorAction;
	video: VideoAccess | null;
	whisper: VideoAccess | null;
}> {
	const call = q.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	if (action !== 'leave' && call.status !== 'connected')
		throw conflict('not_connected', `The call is ${call.status}, not connected`);
	const key = monitorsKey(ctx, callId);
	const field = String(by.userId);
	const raw = await ctx.redis.hget(key, field);
	const before = raw ? (parse(field, raw)?.mode ?? null) : null;
	const after = action === 'leave' ? null : action;
	if (after)
		await ctx.redis
			.multi()
			.hset(key, field, JSON.stringify({ mode: after, displayName: by.displayName }))
			.expire(key, 6 * 3600)
			.exec();
	else await ctx.redis.hdel(key, field);
	const monitors = await monitorsIn(ctx, callId);
	await revoke(
		ctx,
		callId,
		by.userId,
		before,
		after,
		monitors.filter((m) => m.mode === 'whisper').length
	);

	let video: VideoAccess | null = null;
	let whisper: VideoAccess | null = null;
	if (after) {
		video = await videoAccess(ctx, callId, {
			role: after === 'barge' ? 'barge' : 'monitor',
			subjectId: by.userId,
			displayName: after === 'barge' ? `值班长 ${by.displayName}` : by.displayName
		});
		if (after === 'whisper') {
			if (before !== 'whisper') await ctx.video.rooms.ensureWhisperRoom(callId);
			whisper = await whisperAccess(ctx, callId, {
				role: 'whisper',
				subjectId: by.userId,
				displayName: `值班长 ${by.displayName}`
			});
		}
	}
	if (before !== after)
		q.recordTransition(ctx.db, {
			callId,
			type: TRANSITION[action],
			agentId: by.userId,
			reason: action,
			at: new Date().toISOString()
		});
	await announce(ctx, call.agentId, callId, by, before, after, monitors);
	return { callId, mode: action, video, whisper };
}

/**
 * The conversation ended: every supervisor still in the call leaves it, as if each had chosen
 * to (their LiveKit identities removed, the whisper room closed, the wall and the agent told,
 * each audited), and the call's monitor list is gone rather than left to expire.
 */
export async function endMonitoring(ctx: Ctx, callId: string): Promise<void> {
	for (const m of await monitorsIn(ctx, callId))
		await monitorCall(ctx, callId, { userId: m.userId, displayName: m.displayName }, 'leave');
	await ctx.redis.del(monitorsKey(ctx, callId));
}

async function announce(
	ctx: Ctx,
	agentId: number | null,
	callId: string,
	by: StateChanger,
	before: MonitorMode | null,
	after: MonitorMode | null,
	monitors: Monitor[]
): Promise<void> {
	await ctx.bus.publish(
		'monitors.updated',
		{ callId, monitors },
		{ roles: ['supervisor', 'admin'] }
	);
	if (!agentId) return;
	const mode = agentIsTold(ctx, after) ? after : agentIsTold(ctx, before) ? 'left' : null;
	if (mode)
		await ctx.bus.publish(
			'monitor.updated',
			{ callId, mode, supervisor: by },
			{ users: [agentId] }
		);
}

/**
 * The mode a supervisor is in on a call, or null when they have not joined it (their video
 * tokens follow it: a barging supervisor's refreshed token still lets them speak).
 */
export async function monitorModeOf(
	ctx: Ctx,
	callId: string,
	userId: number
): Promise<MonitorMode | null> {
	const raw = await ctx.redis.hget(monitorsKey(ctx, callId), String(userId));
	return raw ? (parse(String(userId), raw)?.mode ?? null) : null;
}

/**
 * A fresh whisper-room token: for the call's agent (listening) while any supervisor whispers,
 * or for a supervisor who is whispering (speaking). 403 for anyone else, the caller included;
 * 409 `not_whispering` when nobody whispers.
 */
export async function whisperToken(
	ctx: Ctx,
	callId: string,
	user: StaffUser
): Promise<VideoAccess> {
	const call = q.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	const monitors = await monitorsIn(ctx, callId);
	const mine = monitors.find((m) => m.userId === user.id);
	if (call.agentId !== user.id && !mine)
		throw forbidden('Only the agent of this call hears a whisper');
	if (call.status !== 'connected' || !monitors.some((m) => m.mode === 'whisper'))
		throw conflict('not_whispering', 'Nobody is whispering in this call');
	if (call.agentId === user.id)
		return whisperAccess(ctx, callId, {
			role: 'agent',
			subjectId: user.id,
			displayName: displayName(ctx.db, user.id) ?? user.displayName
		});
	if (mine?.mode !== 'whisper')
		throw conflict('not_whispering', 'You are not whispering in this call');
	return whisperAccess(ctx, callId, {
		role: 'whisper',
		subjectId: user.id,
		displayName: `值班长 ${mine.displayName}`
	});
}
