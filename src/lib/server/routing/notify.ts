import type { Ctx } from '../context';
import type { Outgoing } from '../realtime/bus';
import * as live from './live';
import * as matching from './matching';
import { estimateWaitSeconds } from './rules';

export const SUPERVISORS = ['supervisor'];
const NOT_WAITING = { position: null, estimatedWaitSeconds: null };

/** Moving average of handle time (seconds), or the configured default before any history. */
export async function avgHandleSeconds(ctx: Ctx): Promise<number> {
	const v = Number(await ctx.redis.get(live.rk(ctx, 'aht')));
	return v > 0 ? v : ctx.cfg.DEFAULT_HANDLE_SECONDS;
}

/** Folds one finished call into the handle-time average (weight 1/20: recent calls count most). */
export async function recordHandleTime(ctx: Ctx, seconds: number): Promise<void> {
	const prev = Number(await ctx.redis.get(live.rk(ctx, 'aht')));
	const next = prev > 0 ? prev + (seconds - prev) / 20 : seconds;
	await ctx.redis.set(live.rk(ctx, 'aht'), String(Math.max(1, next)));
}

/** Position and estimated wait of a waiting call (nulls when it is not waiting). */
export async function waitInfo(ctx: Ctx, callId: string, aht?: number) {
	const [pos, eo] = await Promise.all([
		live.position(ctx, callId),
		ctx.redis.hget(live.rk(ctx, `c:${callId}`), 'eo')
	]);
	if (pos === null) return NOT_WAITING;
	const h = aht ?? (await avgHandleSeconds(ctx));
	return { position: pos, estimatedWaitSeconds: estimateWaitSeconds(pos, h, Number(eo ?? 0)) };
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

/** An agent's new state for the agent and supervisors. */
export function agentEvent(agentId: number, state: string, reason?: string | null): Outgoing {
	return [
		'agent.updated',
		{ agentId, state, reason: reason ?? null, since: new Date().toISOString() },
		{ users: [agentId], roles: SUPERVISORS }
	];
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

/** Publishes an agent's new state to the agent and supervisors. */
export async function publishAgent(ctx: Ctx, agentId: number, state: string, reason?: string) {
	await ctx.bus.publishMany([agentEvent(agentId, state, reason)]);
}
