import { SUPERVISORS } from '../agents/events';
import type { Ctx } from '../context';
import { logger } from '../logger';
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

/** Callers at the head of a bucket told at once when the queue moves; the rest, within TAIL_MS. */
export const HEAD_SIZE = 10;
const TAIL_MS = 1000;
const tails = new WeakMap<object, Set<string>>();

/**
 * Tells every waiting caller of a bucket their new position after the queue moved: the first
 * HEAD_SIZE at once, everyone behind them in one pass over the bucket within a second. However
 * often the bucket moves, it is read whole at most once a second per process, so a change
 * costs O(HEAD_SIZE) and a deep queue O(n) per second, never O(n) per change.
 */
export async function pushPositions(ctx: Ctx, bucket: string): Promise<void> {
	const head = await matching.bucketHead(ctx, bucket, HEAD_SIZE + 1);
	const shown = { ...head, calls: head.calls.slice(0, HEAD_SIZE) };
	await ctx.bus.publishMany(await positionEvents(ctx, shown));
	if (head.calls.length > HEAD_SIZE) pushTailSoon(ctx, bucket);
}

/** Schedules one push of the positions behind the head of a bucket (see pushPositions). */
export function pushTailSoon(ctx: Ctx, bucket: string): void {
	let pending = tails.get(ctx.redis);
	if (!pending) tails.set(ctx.redis, (pending = new Set()));
	if (pending.has(bucket)) return;
	pending.add(bucket);
	setTimeout(() => {
		pending.delete(bucket);
		void pushTail(ctx, bucket).catch((err) =>
			logger.warn({ err, bucket }, 'positions behind the head not pushed')
		);
	}, TAIL_MS).unref();
}

async function pushTail(ctx: Ctx, bucket: string): Promise<void> {
	if (ctx.redis.status !== 'ready') return;
	const all = await matching.bucketHead(ctx, bucket, -1);
	if (all.calls.length <= HEAD_SIZE) return;
	await ctx.bus.publishMany(
		await positionEvents(ctx, { ...all, calls: all.calls.slice(HEAD_SIZE) })
	);
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
