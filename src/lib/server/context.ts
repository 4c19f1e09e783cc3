import type { Redis } from 'ioredis';
import { WebhookReceiver } from 'livekit-server-sdk';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { config, type Config } from './config';
import { openDb, type Db } from './db';
import { startCheckpointer, type Checkpointer } from './db/checkpointer';
import { commitPending } from './db/group-commit';
import { syncThresholds } from './metrics/settings';
import { createQueues, type Queues } from './jobs';
import { EventBus } from './realtime/bus';
import { createRedis, waitReady } from './redis';
import { defineRoutingScripts } from './routing/live';
import { VideoRooms } from './video/rooms';
import { defineVideoScripts } from './video/webhooks';

/** Rate limits kept in Redis: logins (per user and address, per address) and anonymous calls. */
export interface Limiters {
	loginPair: RateLimiterRedis;
	loginIp: RateLimiterRedis;
	loginAccount: RateLimiterRedis;
	loginLockouts: RateLimiterRedis;
	mobileCall: RateLimiterRedis;
}

/** Everything a domain function needs, built once here and passed in (tests build their own). */
export interface Ctx {
	cfg: Config;
	db: Db;
	redis: Redis;
	/** Key prefix for every Redis key of this console (tests use a unique one per file). */
	prefix: string;
	bus: EventBus;
	/** The producer side of every BullMQ queue (see jobs.ts). */
	queues: Queues;
	limiters: Limiters;
	/** LiveKit: the room service client and the webhook verifier. */
	video: { rooms: VideoRooms; webhooks: WebhookReceiver };
	/** The pub/sub connection, when this context listens for events. */
	sub?: Redis;
	/** The background WAL checkpointer of a long-running process. */
	checkpointer?: Checkpointer;
}

function createLimiters(redis: Redis, prefix: string, cfg: Config): Limiters {
	const base = { storeClient: redis, useRedisPackage: false };
	return {
		// Every try is counted before the password is checked (parallel tries cannot slip
		// through): 5 for one user from one address per 15 minutes, 50 per address, 10 for one
		// account from anywhere, then a lockout that doubles each time (15 min, 30 min, … 24 h).
		loginPair: new RateLimiterRedis({
			...base,
			keyPrefix: `${prefix}:rl:login`,
			points: 5,
			duration: 900
		}),
		loginIp: new RateLimiterRedis({
			...base,
			keyPrefix: `${prefix}:rl:loginip`,
			points: 50,
			duration: 900
		}),
		loginAccount: new RateLimiterRedis({
			...base,
			keyPrefix: `${prefix}:rl:loginacct`,
			points: 10,
			duration: 900
		}),
		loginLockouts: new RateLimiterRedis({
			...base,
			keyPrefix: `${prefix}:rl:lockouts`,
			points: 1000,
			duration: 86_400
		}),
		mobileCall: new RateLimiterRedis({
			...base,
			keyPrefix: `${prefix}:rl:mobilecall`,
			points: cfg.MOBILE_CALL_LIMIT,
			duration: cfg.MOBILE_CALL_LIMIT_SECONDS
		})
	};
}

/**
 * The composition root: opens SQLite (migrated) and Redis, and builds the queues, rate limiters,
 * LiveKit clients and every Redis script once.
 */
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
	defineRoutingScripts(redis);
	defineVideoScripts(redis);
	const sub = opts.subscribe
		? createRedis(cfg.REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: null })
		: undefined;
	sub?.on('error', () => {});
	const prefix = opts.prefix ?? cfg.REDIS_PREFIX;
	const db = openDb(cfg.databasePath);
	syncThresholds({ db, cfg });
	const checkpointer = opts.checkpoint ? startCheckpointer(db, cfg.databasePath) : undefined;
	return {
		cfg,
		db,
		redis,
		prefix,
		bus: new EventBus(redis, sub, prefix),
		queues: createQueues(redis, prefix),
		limiters: createLimiters(redis, prefix, cfg),
		video: {
			rooms: new VideoRooms(cfg),
			webhooks: new WebhookReceiver(cfg.LIVEKIT_API_KEY, cfg.LIVEKIT_API_SECRET)
		},
		sub,
		checkpointer
	};
}

/** Closes a context's queues and connections. */
export async function closeContext(ctx: Ctx): Promise<void> {
	commitPending(ctx.db);
	await Promise.all(Object.values(ctx.queues).map((q) => q.close()));
	await ctx.checkpointer?.stop();
	ctx.db.$client.close();
	ctx.redis.disconnect();
	ctx.sub?.disconnect();
}

let appCtx: Promise<Ctx> | undefined;

/** The web process's shared context, created on first use (tried again after a failed try). */
export function appContext(): Promise<Ctx> {
	appCtx ??= createContext(config(), { subscribe: true, checkpoint: true }).catch((e) => {
		appCtx = undefined;
		throw e;
	});
	return appCtx;
}
