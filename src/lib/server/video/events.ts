import { Queue } from 'bullmq';
import { leaveCall } from '../calls/calls';
import { callById } from '../calls/queries';
import type { Ctx } from '../context';
import { logger } from '../logger';
import { forgetCallRoom, videoRooms } from './access';
import { DEPARTURE_TIMEOUT_SECONDS } from './rooms';
import { identityFor } from './tokens';
import {
	firstDelivery,
	isNewest,
	toCallEvent,
	verifyWebhook,
	type CallVideoEvent
} from './webhooks';

export const VIDEO_QUEUE = 'video';
const queuesByCtx = new WeakMap<Ctx, Queue>();

/** The queue of video follow-ups (caller departure checks). */
export function videoQueue(ctx: Ctx): Queue {
	let q = queuesByCtx.get(ctx);
	if (!q)
		queuesByCtx.set(
			ctx,
			(q = new Queue(VIDEO_QUEUE, { connection: ctx.redis, prefix: `${ctx.prefix}:bull` }))
		);
	return q;
}

const inRoomKey = (ctx: Ctx, callId: string) => `${ctx.prefix}:video:in:${callId}`;

/**
 * Handles one LiveKit webhook delivery: verified on the raw body (401 otherwise), applied once per
 * event id, and ignored when older than what we already know of that participant.
 */
export async function receiveLivekitWebhook(
	ctx: Ctx,
	rawBody: string,
	authorization: string | null
): Promise<{ applied: boolean }> {
	const event = await verifyWebhook(ctx, rawBody, authorization);
	if (!firstDelivery(ctx, event.id)) return { applied: false };
	const ev = toCallEvent(event);
	if (!ev || !(await isNewest(ctx, ev))) return { applied: false };
	await applyVideoEvent(ctx, ev);
	return { applied: true };
}

async function applyVideoEvent(ctx: Ctx, ev: CallVideoEvent): Promise<void> {
	const key = inRoomKey(ctx, ev.callId);
	if (ev.kind === 'participant_joined' && ev.identity) {
		await ctx.redis.multi().sadd(key, ev.identity).expire(key, 86400).exec();
	} else if (ev.kind === 'participant_left' && ev.identity) {
		await ctx.redis.srem(key, ev.identity);
		// A caller may only be reconnecting: decide after the room's departure timeout.
		if (ev.role === 'caller') {
			await videoQueue(ctx).add(
				'caller-departure',
				{ callId: ev.callId },
				{
					jobId: `depart-${ev.callId}-${ev.at}`,
					delay: DEPARTURE_TIMEOUT_SECONDS * 1000,
					attempts: 5,
					backoff: { type: 'fixed', delay: 2000 },
					removeOnComplete: true,
					removeOnFail: 100
				}
			);
		}
	} else if (ev.kind === 'room_finished') {
		await forgetCallRoom(ctx, ev.callId);
		await endIfConnected(ctx, ev.callId, 'room finished');
	}
}

/**
 * After a caller left the room: if they did not come back (asked of LiveKit when reachable, else
 * from the webhooks seen), the call ends and the agent moves to wrap-up.
 */
export async function checkCallerDeparture(
	ctx: Ctx,
	callId: string
): Promise<'ended' | 'returned' | 'not_connected'> {
	const call = callById(ctx.db, callId);
	if (!call || call.status !== 'connected') return 'not_connected';
	const caller = identityFor('caller', callId);
	const listed = await videoRooms(ctx).participants(callId);
	const present = listed.ok
		? listed.value.includes(caller)
		: (await ctx.redis.sismember(inRoomKey(ctx, callId), caller)) === 1;
	if (present) return 'returned';
	await endIfConnected(ctx, callId, 'caller left the video');
	return 'ended';
}

async function endIfConnected(ctx: Ctx, callId: string, why: string): Promise<void> {
	const call = callById(ctx.db, callId);
	if (call?.status !== 'connected') return;
	logger.info({ callId, why }, 'ending call from video events');
	await leaveCall(ctx, callId);
}
