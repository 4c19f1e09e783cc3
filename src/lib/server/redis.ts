import { Redis, type RedisOptions } from 'ioredis';

/** A connection for request handlers: fails fast instead of queueing while Redis is away. */
export function createRedis(url: string, opts: RedisOptions = {}): Redis {
	return new Redis(url, {
		enableOfflineQueue: false,
		maxRetriesPerRequest: 1,
		connectTimeout: 3000,
		// a Redis that accepts the connection but does not answer must not hold a request forever
		commandTimeout: 5000,
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

const UNAVAILABLE =
	/Stream isn't writeable|Connection is closed|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Command timed out|Reached the max retries|LOADING|Redis did not answer|Redis is unreachable/;

/** Whether an error means Redis could not be reached (as opposed to a bug or a refused command). */
export function isRedisUnavailable(e: unknown, depth = 0): boolean {
	if (!(e instanceof Error) || depth > 3) return false;
	if (e.name === 'MaxRetriesPerRequestError' || UNAVAILABLE.test(e.message)) return true;
	return isRedisUnavailable((e as { cause?: unknown }).cause, depth + 1);
}

/** Whether a connection is ready for commands right now (a fail-fast one refuses otherwise). */
export const redisReady = (redis: Redis) => redis.status === 'ready';
