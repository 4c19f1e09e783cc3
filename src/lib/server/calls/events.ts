import { SUPERVISORS } from '../agents/events';
import type { Ctx } from '../context';
import type { Outgoing } from '../realtime/wire';
import * as live from '../routing/live';
import * as matching from '../routing/matching';
import { estimateWaitSeconds } from '../routing/rules';

const NOT_WAITING = { position: null, estimatedWaitSeconds: null };

/** Moving average of handle time (seconds), or the configured default before any history. */
export async function avgHandleSeconds(ctx: Ctx): Promise<number> {
	return (await live.handleTimeAverage(ctx)) ?? ctx.cfg.DEFAULT_HANDLE_SECONDS;
}

/** Position and estimated wait of a waiting call (nulls when it is not waiting). */
export async function waitInfo(ctx: Ctx, callId: string, aht?: number) {
	const [pos, c] = await Promise.all([live.position(ctx, callId), live.call(ctx, callId)]);
	if (pos === null) return NOT_WAITING;
	const h = aht ?? (await avgHandleSeconds(ctx));
	return { position: pos, estimatedWaitSeconds: estimateWaitSeconds(pos, h, c.eligibleOnline) };
}

/** A call's new status for its caller and supervisors. */
export function callEvent(
	callId: string,
	status: string,
	wait: { position: number | null; estimatedWaitSeconds: number | null } = NOT_WAITING,
	extra: { agent?: { displayName: string } | null } = {}
): Outgoing {
	return ['call.updated', { callId, status, ...wait, ...extra }, { callId, roles: SUPERVISORS }];
}

/** New positions and waits of the first callers of a bucket (to each caller only). */
export function positionEvents(ctx: Ctx, head: matching.BucketHead): Outgoing[] {
	const aht = head.aht ?? ctx.cfg.DEFAULT_HANDLE_SECONDS;
	return head.calls.map(({ callId, position, eligibleOnline }) => [
		'call.updated',
		{
			callId,
			status: 'queued',
			position,
			estimatedWaitSeconds: estimateWaitSeconds(position, aht, eligibleOnline)
		},
		{ callId }
	]);
}

/** Tells the first callers of a bucket their new position after the queue moved. */
export async function pushPositions(ctx: Ctx, bucket: string, n = 10): Promise<void> {
	await ctx.bus.publishMany(positionEvents(ctx, await matching.bucketHead(ctx, bucket, n)));
}

/** Publishes a call's new status to its caller and to supervisors. */
export async function publishCall(
	ctx: Ctx,
	callId: string,
	status: string,
	extra: { agent?: { displayName: string } | null } = {}
): Promise<void> {
	const wait = status === 'queued' ? await waitInfo(ctx, callId) : NOT_WAITING;
	await ctx.bus.publishMany([callEvent(callId, status, wait, extra)]);
}
