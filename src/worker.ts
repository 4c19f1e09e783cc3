import {
	config,
	ConfigError,
	DEV_CREDENTIALS_WARNING,
	usesDevCredentials
} from './lib/server/config';
import { closeContext, createContext } from './lib/server/context';
import { logger } from './lib/server/logger';
import { createBlockingRedis } from './lib/server/redis';
import { startWorkers } from './lib/server/workers';

/** The worker process: every BullMQ worker (calls, timers, video, housekeeping); several may run at once. */
async function main() {
	const cfg = config();
	const ctx = await createContext(cfg, { checkpoint: true });
	const connection = createBlockingRedis(cfg.REDIS_URL!);
	const workers = await startWorkers(ctx, connection);
	if (usesDevCredentials(cfg)) logger.warn(DEV_CREDENTIALS_WARNING);
	logger.info('worker ready');

	const stop = async () => {
		logger.info('worker stopping');
		await workers.close();
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
