import { DelayedError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { wrapUpElapsed } from '../calls/handling';
import type { Ctx } from '../context';
import { flushed } from '../db/group-commit';
import { sweepSilentBooths } from '../booths/presence';
import { logger } from '../logger';
import { expireOverdueOffers, sweepDisconnected } from './agents';
import { recover, superviseCall } from './supervise';
import { CALLS_QUEUE, queues, ROUTING_QUEUE } from './timers';

/**
 * Starts the routing workers of one worker process: call supervision (one durable job per call,
 * re-scheduled until the call ends), the offer-expiry sweep, wrap-up timers and the presence sweep
 * (agents and booths that went silent);
 * then rebuilds live state. Several processes may run this against one Redis.
 */
export async function startRoutingWorkers(ctx: Ctx, connection: Redis) {
	const prefix = `${ctx.prefix}:bull`;
	const lockDuration = ctx.cfg.WORKER_LOCK_SECONDS * 1000;
	const common = { connection, prefix, lockDuration, stalledInterval: lockDuration };

	const callWorker = new Worker(
		CALLS_QUEUE,
		async (job: Job<{ callId: string }>, token?: string) => {
			const next = await superviseCall(ctx, job.data.callId);
			await flushed(ctx.db);
			if (next === null) return 'over';
			await job.moveToDelayed(Date.now() + next, token);
			throw new DelayedError();
		},
		{ ...common, concurrency: 20 }
	);
	const timer = async (job: Job) => {
		if (job.name === 'offer-expiry') return { expired: await expireOverdueOffers(ctx, 0) };
		if (job.name === 'wrap-up') return wrapUpElapsed(ctx, job.data.agentId, job.data.callId);
		if (job.name === 'sweep')
			return {
				gone: (await sweepDisconnected(ctx)).length,
				silentBooths: (await sweepSilentBooths(ctx)).length
			};
	};
	const timerWorker = new Worker(
		ROUTING_QUEUE,
		async (job: Job) => {
			const result = await timer(job);
			// a job counts as done only once what it did is on disk
			await flushed(ctx.db);
			return result;
		},
		{ ...common, concurrency: 10 }
	);
	for (const w of [callWorker, timerWorker]) {
		w.on('failed', (job, err) => logger.error({ err, job: job?.name }, 'routing job failed'));
		// Lock renewals can race a job that just re-scheduled itself; BullMQ recovers on its own.
		w.on('error', (err) => logger.warn({ err }, 'routing worker error'));
	}
	await queues(ctx).routing.upsertJobScheduler(
		'offer-expiry',
		{ every: ctx.cfg.OFFER_SWEEP_MS },
		{ name: 'offer-expiry', opts: { removeOnComplete: true, removeOnFail: 100 } }
	);
	await queues(ctx).routing.upsertJobScheduler(
		'presence-sweep',
		{ every: ctx.cfg.PRESENCE_SWEEP_SECONDS * 1000 },
		{ name: 'sweep' }
	);
	const recovered = await recover(ctx);
	logger.info(recovered, 'routing state recovered');
	return {
		async close() {
			await Promise.all([callWorker.close(), timerWorker.close()]);
		}
	};
}
