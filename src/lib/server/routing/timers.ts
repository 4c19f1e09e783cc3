import { Queue } from 'bullmq';
import type { Ctx } from '../context';

/**
 * Queue names: `calls` holds one durable job per live call; `routing` holds the timers (wrap-up
 * jobs, and the job schedulers that sweep expired offers and disconnected agents).
 */
export const CALLS_QUEUE = 'calls';
export const ROUTING_QUEUE = 'routing';

interface Queues {
	calls: Queue;
	routing: Queue;
}
const byCtx = new WeakMap<Ctx, Queues>();

/** The BullMQ queues of a context (producers share the context's Redis connection). */
export function queues(ctx: Ctx): Queues {
	let q = byCtx.get(ctx);
	if (!q) {
		const opts = { connection: ctx.redis, prefix: `${ctx.prefix}:bull` };
		q = { calls: new Queue(CALLS_QUEUE, opts), routing: new Queue(ROUTING_QUEUE, opts) };
		byCtx.set(ctx, q);
	}
	return q;
}

/** Closes the queues of a context (before closing the context). */
export async function closeQueues(ctx: Ctx): Promise<void> {
	const q = byCtx.get(ctx);
	byCtx.delete(ctx);
	await Promise.all([q?.calls.close(), q?.routing.close()]);
}

/**
 * The call's durable job (jobId = call id, no personal data): the worker re-checks the call on
 * every run and re-schedules it until the call ends, so a call is never forgotten.
 */
export async function addCallJob(ctx: Ctx, callId: string, delayMs: number): Promise<void> {
	await queues(ctx).calls.add(
		'call',
		{ callId },
		{
			jobId: callId,
			delay: Math.max(0, Math.round(delayMs)),
			attempts: 20,
			backoff: { type: 'fixed', delay: 1000 },
			removeOnComplete: true,
			removeOnFail: 1000
		}
	);
}

/** Makes an agent available after the configured wrap-up time. */
export async function addWrapUpTimer(
	ctx: Ctx,
	agentId: number,
	callId: string,
	delayMs: number
): Promise<void> {
	await queues(ctx).routing.add(
		'wrap-up',
		{ agentId, callId },
		{
			jobId: `wrapup-${callId}`,
			delay: Math.max(0, Math.round(delayMs)),
			attempts: 5,
			removeOnComplete: true,
			removeOnFail: 1000
		}
	);
}
