import type { Ctx } from '../context';

/** Marks a staff user as connected for the disconnect timeout (SSE heartbeats and POST heartbeat). */
export async function touchPresence(ctx: Ctx, userId: number): Promise<void> {
	await ctx.redis.set(
		`${ctx.prefix}:presence:${userId}`,
		String(Date.now()),
		'EX',
		ctx.cfg.AGENT_DISCONNECT_SECONDS
	);
}

/** Whether a staff user has been heard from within the disconnect timeout. */
export async function isPresent(ctx: Ctx, userId: number): Promise<boolean> {
	return (await ctx.redis.exists(`${ctx.prefix}:presence:${userId}`)) === 1;
}
