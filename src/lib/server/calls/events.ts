import { SUPERVISORS } from '../agents/events';
import type { Ctx } from '../context';
import type { Outgoing } from '../realtime/wire';
import * as live from '../routing/live';
import * as matching from '../routing/matching';
import { handleSecondsOfMatter } from './handle-times';
import * as q from './queries';
import { waitView, type EligibleSeats, type WaitView } from './wait';

/** What a waiting caller is told: position, the range's middle, and the state with its range. */
export interface WaitInfo {
	position: number | null;
	estimatedWaitSeconds: number | null;
	wait?: WaitView;
}

const NOT_WAITING: WaitInfo = { position: null, estimatedWaitSeconds: null };

/** Moving average of handle time (seconds), or the configured default before any history. */
export async function avgHandleSeconds(ctx: Ctx): Promise<number> {
	return (await live.handleTimeAverage(ctx)) ?? ctx.cfg.DEFAULT_HANDLE_SECONDS;
}

/** What a queued call's caller is told, from its position, eligible seats and matter group. */
export async function queuedWait(
	ctx: Ctx,
	callId: string,
	position: number,
	seats: EligibleSeats,
	matterId?: number
): Promise<WaitInfo & { wait: WaitView }> {
	const matter = matterId ?? q.callById(ctx.db, callId)?.matterId;
	const mean =
		matter === undefined ? await avgHandleSeconds(ctx) : await handleSecondsOfMatter(ctx, matter);
	const v = waitView({ status: 'queued', position, seats, meanHandleSeconds: mean });
	return {
		position,
		estimatedWaitSeconds: v.estimatedWaitSeconds,
		wait: { state: v.state, lowSeconds: v.lowSeconds, highSeconds: v.highSeconds }
	};
}

/** Position and wait of a waiting call (nulls when it is not waiting). */
export async function waitInfo(ctx: Ctx, callId: string): Promise<WaitInfo> {
	const [pos, c] = await Promise.all([live.position(ctx, callId), live.call(ctx, callId)]);
	if (pos === null) return NOT_WAITING;
	return queuedWait(ctx, callId, pos, { online: c.eligibleOnline, onBreak: c.onBreak });
}

/** A call's new status for its caller and supervisors. */
export function callEvent(
	callId: string,
	status: string,
	wait: WaitInfo = NOT_WAITING,
	extra: { agent?: { displayName: string } | null } = {}
): Outgoing {
	return ['call.updated', { callId, status, ...wait, ...extra }, { callId, roles: SUPERVISORS }];
}

/** New positions and waits of the waiting callers of a bucket (to each caller only). */
export async function positionEvents(ctx: Ctx, head: matching.BucketHead): Promise<Outgoing[]> {
	// callers of one bucket mostly share a matter: its handle time is looked up once
	const byMatter = new Map<number, number>();
	const out: Outgoing[] = [];
	for (const { callId, position, eligibleOnline, onBreak } of head.calls) {
		const matterId = q.callById(ctx.db, callId)?.matterId;
		let mean = matterId === undefined ? undefined : byMatter.get(matterId);
		if (mean === undefined) {
			mean =
				matterId === undefined
					? (head.aht ?? ctx.cfg.DEFAULT_HANDLE_SECONDS)
					: await handleSecondsOfMatter(ctx, matterId);
			if (matterId !== undefined) byMatter.set(matterId, mean);
		}
		const v = waitView({
			status: 'queued',
			position,
			seats: { online: eligibleOnline, onBreak },
			meanHandleSeconds: mean
		});
		out.push([
			'call.updated',
			{
				callId,
				status: 'queued',
				position,
				estimatedWaitSeconds: v.estimatedWaitSeconds,
				wait: { state: v.state, lowSeconds: v.lowSeconds, highSeconds: v.highSeconds }
			},
			{ callId }
		]);
	}
	return out;
}

/** Tells every waiting caller of a bucket their new position after the queue moved. */
export async function pushPositions(ctx: Ctx, bucket: string): Promise<void> {
	await ctx.bus.publishMany(await positionEvents(ctx, await matching.bucketHead(ctx, bucket, -1)));
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
