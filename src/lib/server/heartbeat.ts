import os from 'node:os';
import type { Ctx } from './context';

/** How often a worker says it is alive, and after how long without a word it counts as down. */
export const BEAT_MS = 2000;
export const SILENT_MS = 10_000;

const key = (ctx: Ctx) => `${ctx.prefix}:workers`;

/** This process's name among the workers (host and pid). */
export const workerId = () => `${os.hostname()}:${process.pid}`;

/** Records that this worker is alive now, and forgets workers silent for a long time. */
export async function beat(ctx: Ctx, id = workerId(), now = Date.now()): Promise<void> {
	await ctx.redis
		.multi()
		.zadd(key(ctx), String(now), id)
		.zremrangebyscore(key(ctx), '-inf', String(now - 60 * SILENT_MS))
		.exec();
}

/** A worker that stops cleanly leaves at once instead of going silent. */
export async function leave(ctx: Ctx, id = workerId()): Promise<void> {
	await ctx.redis.zrem(key(ctx), id);
}

/** Workers heard from within SILENT_MS (their ids), and when the last one was heard from (ms ago). */
export async function liveWorkers(
	ctx: Ctx,
	now = Date.now()
): Promise<{ count: number; ids: string[]; lastSeenMsAgo: number | null }> {
	const [ids, last] = await Promise.all([
		ctx.redis.zrangebyscore(key(ctx), String(now - SILENT_MS), '+inf'),
		ctx.redis.zrange(key(ctx), '-1', '-1', 'WITHSCORES')
	]);
	return {
		count: ids.length,
		ids,
		lastSeenMsAgo: last[1] ? Math.max(0, now - Number(last[1])) : null
	};
}
