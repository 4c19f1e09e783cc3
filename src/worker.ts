import { Queue, Worker } from 'bullmq';
import { config, ConfigError } from './lib/server/config';
import { closeContext, createContext } from './lib/server/context';
import { logger } from './lib/server/logger';
import { purgeExpiredSessions } from './lib/server/maintenance/maintenance';
import { createBlockingRedis } from './lib/server/redis';
import { closeQueues } from './lib/server/routing/timers';
import { startRoutingWorkers } from './lib/server/routing/workers';
import { startVideoWorker } from './lib/server/video/worker';

/** The worker process: routing workers (calls, timers, presence) and housekeeping; several may run at once. */
async function main() {
	const cfg = config();
	const ctx = await createContext(cfg, { checkpoint: true });
	const connection = createBlockingRedis(cfg.REDIS_URL!);
	const prefix = `${ctx.prefix}:bull`;
	const maintenance = new Queue('maintenance', { connection, prefix });
	await maintenance.upsertJobScheduler(
		'purge-sessions',
		{ every: 60 * 60 * 1000 },
		{ name: 'purge-sessions' }
	);
	const worker = new Worker(
		'maintenance',
		async (job) => {
			if (job.name === 'purge-sessions') return { purged: purgeExpiredSessions(ctx) };
		},
		{ connection, prefix, concurrency: 1 }
	);
	worker.on('failed', (job, err) =>
		logger.error({ err, job: job?.name }, 'maintenance job failed')
	);
	const routing = await startRoutingWorkers(ctx, connection);
	const video = startVideoWorker(ctx, connection);
	logger.info('worker ready');

	const stop = async () => {
		logger.info('worker stopping');
		await worker.close();
		await routing.close();
		await video.close();
		await maintenance.close();
		await closeQueues(ctx);
		connection.disconnect();
		await closeContext(ctx);
		process.exit(0);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((e) => {
	console.error(
		e instanceof ConfigError
			? e.message
			: `worker failed to start: ${e instanceof Error ? e.message : e}`
	);
	process.exit(1);
});
