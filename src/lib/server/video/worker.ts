import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Ctx } from '../context';
import { logger } from '../logger';
import { checkCallerDeparture, VIDEO_QUEUE, videoQueue } from './events';

/** Runs the video follow-ups (caller departure checks); returns its closer. */
export function startVideoWorker(ctx: Ctx, connection: Redis) {
	const worker = new Worker(
		VIDEO_QUEUE,
		async (job) => {
			if (job.name === 'caller-departure')
				return checkCallerDeparture(ctx, (job.data as { callId: string }).callId);
		},
		{ connection, prefix: `${ctx.prefix}:bull`, concurrency: 4 }
	);
	worker.on('failed', (job, err) => logger.error({ err, job: job?.name }, 'video job failed'));
	return {
		close: async () => {
			await worker.close();
			await videoQueue(ctx).close();
		}
	};
}
