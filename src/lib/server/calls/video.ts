import { displayName } from '../agents/queries';
import type { StaffUser } from '../auth/auth';
import type { Ctx } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { addJob, JOB_OPTIONS } from '../jobs';
import { logger } from '../logger';
import { forgetCallRoom, videoAccess, type VideoAccess } from '../video/access';
import { DEPARTURE_TIMEOUT_SECONDS } from '../video/rooms';
import { identityFor } from '../video/tokens';
import {
	firstDelivery,
	inRoom,
	isNewest,
	toCallEvent,
	verifyWebhook,
	type CallVideoEvent
} from '../video/webhooks';
import { leaveCall } from './calls';
import { monitorModeOf } from './monitor';
import { callById } from './queries';

/**
 * What the video seam means for calls: verified LiveKit webhooks move calls on (a caller who
 * left and did not come back ends the call), and entitled participants get join tokens.
 */

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
	if (ev.kind === 'participant_joined' && ev.identity) {
		await inRoom.add(ctx, ev.callId, ev.identity);
	} else if (ev.kind === 'participant_left' && ev.identity) {
		await inRoom.remove(ctx, ev.callId, ev.identity);
		// A caller may only be reconnecting: decide after the room's departure timeout.
		if (ev.role === 'caller') {
			await addJob(
				ctx.queues,
				'video',
				'caller-departure',
				{ callId: ev.callId },
				JOB_OPTIONS.callerDeparture(ev.callId, ev.at, DEPARTURE_TIMEOUT_SECONDS * 1000)
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
	const listed = await ctx.video.rooms.participants(callId);
	const present = listed.ok ? listed.value.includes(caller) : await inRoom.has(ctx, callId, caller);
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

const LIVE = ['connected', 'wrap_up'];

/**
 * A fresh join token for someone already entitled to the call's video: its caller, its agent or
 * interpreter, or a supervisor (hidden and listening only, unless they barged in: then visible
 * and speaking, as 值班长).
 */
export async function refreshVideo(
	ctx: Ctx,
	callId: string,
	who: { user: StaffUser | null; isCaller: boolean }
): Promise<VideoAccess> {
	const call = callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	if (!LIVE.includes(call.status))
		throw conflict('not_connected', 'This call has no video right now');
	if (who.isCaller)
		return videoAccess(ctx, callId, { role: 'caller', subjectId: callId, displayName: '市民' });
	const user = who.user;
	if (!user) throw forbidden();
	const name = displayName(ctx.db, user.id) ?? user.displayName;
	if (call.agentId === user.id)
		return videoAccess(ctx, callId, { role: 'agent', subjectId: user.id, displayName: name });
	if (call.interpreterId === user.id)
		return videoAccess(ctx, callId, { role: 'interpreter', subjectId: user.id, displayName: name });
	const mode = await monitorModeOf(ctx, callId, user.id);
	if (mode === 'barge')
		return videoAccess(ctx, callId, {
			role: 'barge',
			subjectId: user.id,
			displayName: `值班长 ${name}`
		});
	if (mode || user.roles.includes('supervisor'))
		return videoAccess(ctx, callId, { role: 'monitor', subjectId: user.id, displayName: name });
	throw forbidden('Only the agents of this call can join its video');
}
