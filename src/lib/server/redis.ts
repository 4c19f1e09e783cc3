import { Redis, type RedisOptions } from 'ioredis';

/** A connection for request handlers: fails fast instead of queueing while Redis is away. */
export function createRedis(url: string, opts: RedisOptions = {}): Redis {
	return new Redis(url, {
		enableOfflineQueue: false,
		maxRetriesPerRequest: 1,
		connectTimeout: 3000,
		lazyConnect: false,
		...opts
	});
}

/** A connection for BullMQ workers and blocking commands: waits and retries forever. */
export function createBlockingRedis(url: string, opts: RedisOptions = {}): Redis {
	return new Redis(url, { maxRetriesPerRequest: null, ...opts });
}

/** Resolves once the connection is ready, or rejects with a one-line reason. */
export async function waitReady(redis: Redis, timeoutMs = 5000): Promise<void> {
	if (redis.status === 'ready') return;
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			cleanup();
			reject(new Error(`Redis did not answer within ${timeoutMs} ms`));
		}, timeoutMs);
		const onReady = () => {
			cleanup();
			resolve();
		};
		const onError = (err: Error) => {
			cleanup();
			reject(new Error(`Redis is unreachable: ${err.message}`));
		};
		const cleanup = () => {
			clearTimeout(timer);
			redis.off('ready', onReady);
			redis.off('error', onError);
		};
		redis.once('ready', onReady);
		redis.once('error', onError);
	});
}
