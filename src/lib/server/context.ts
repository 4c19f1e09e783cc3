import type { Redis } from 'ioredis';
import { config, type Config } from './config';
import { openDb, type Db } from './db';
import { startCheckpointer, type Checkpointer } from './db/checkpointer';
import { commitPending } from './db/group-commit';
import { createRedis, waitReady } from './redis';
import { EventBus } from './realtime/bus';

/** Everything a domain function needs: passed in, so tests build their own. */
export interface Ctx {
	cfg: Config;
	db: Db;
	redis: Redis;
	/** Key prefix for every Redis key of this console (tests use a unique one per file). */
	prefix: string;
	bus: EventBus;
	/** The pub/sub connection, when this context listens for events. */
	sub?: Redis;
	/** The background WAL checkpointer of a long-running process. */
	checkpointer?: Checkpointer;
}

/** Builds a context from a config: opens SQLite (migrated) and Redis. */
export async function createContext(
	cfg: Config,
	opts: { subscribe?: boolean; prefix?: string; checkpoint?: boolean } = {}
): Promise<Ctx> {
	if (!cfg.REDIS_URL) {
		throw new Error(
			'REDIS_URL is not set: start the console with `npm start`, which provides Redis'
		);
	}
	const redis = createRedis(cfg.REDIS_URL);
	redis.on('error', () => {
		/* reported through health and failing requests, not as an unhandled error */
	});
	await waitReady(redis);
	const sub = opts.subscribe
		? createRedis(cfg.REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: null })
		: undefined;
	sub?.on('error', () => {});
	const prefix = opts.prefix ?? cfg.REDIS_PREFIX;
	const db = openDb(cfg.databasePath);
	const checkpointer = opts.checkpoint ? startCheckpointer(db, cfg.databasePath) : undefined;
	return { cfg, db, redis, prefix, bus: new EventBus(redis, sub, prefix), sub, checkpointer };
}

/** Closes a context's connections. */
export async function closeContext(ctx: Ctx): Promise<void> {
	commitPending(ctx.db);
	await ctx.checkpointer?.stop();
	ctx.db.$client.close();
	ctx.redis.disconnect();
	ctx.sub?.disconnect();
}

let appCtx: Promise<Ctx> | undefined;

/** The web process's shared context, created on first use. */
export function appContext(): Promise<Ctx> {
	appCtx ??= createContext(config(), { subscribe: true, checkpoint: true });
	return appCtx;
}
