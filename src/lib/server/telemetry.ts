import os from 'node:os';
import {
	AggregatorRegistry,
	Counter,
	collectDefaultMetrics,
	Gauge,
	Histogram,
	Registry
} from 'prom-client';
import type { Redis } from 'ioredis';

/**
 * The console's operational metrics (Prometheus), counted in whichever process the thing
 * happens: each web and worker process has its own registry and publishes it to Redis every few
 * seconds; `/metrics` sums the processes heard from lately (see ops/metrics.ts). Counters start
 * again from 0 when a process restarts, as Prometheus expects of a process's counters.
 */
export const registry = new Registry();
// each process's memory, heap, event-loop lag and CPU (prom-client's standard process metrics)
collectDefaultMetrics({ register: registry });

export const routingSeconds = new Histogram({
	name: 'cw_routing_step_seconds',
	help: 'Time one atomic routing step takes in Redis (match a new call, a waiting call, a freed agent, an assignment)',
	labelNames: ['step'] as const,
	buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
	registers: [registry]
});

export const offersTotal = new Counter({
	name: 'cw_offers_total',
	help: 'Offers made (outcome "offered") and answered, by outcome: accepted, declined, expired, withdrawn',
	labelNames: ['outcome'] as const,
	registers: [registry]
});

export const jobFailures = new Counter({
	name: 'cw_job_failures_total',
	help: 'BullMQ jobs that failed an attempt, by queue',
	labelNames: ['queue'] as const,
	registers: [registry]
});

export const sseClients = new Gauge({
	name: 'cw_sse_clients',
	help: 'Live event streams (SSE) open now',
	registers: [registry]
});

/** What the open event streams hold for their clients; set by realtime/sse.ts. */
export const sseQueue = { bytes: (): number => 0 };

export const sseQueuedBytes = new Gauge({
	name: 'cw_sse_queued_bytes',
	help: 'Bytes this process holds for event-stream clients that have not read them yet',
	registers: [registry],
	collect() {
		this.set(sseQueue.bytes());
	}
});

/** Times one routing step. */
export async function timedStep<T>(step: string, run: Promise<T>): Promise<T> {
	const end = routingSeconds.startTimer({ step });
	try {
		return await run;
	} finally {
		end();
	}
}

type Snapshot = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

const key = (prefix: string) => `${prefix}:telemetry`;
/** A process's published metrics count for this long after it was last heard from. */
export const FRESH_MS = 15_000;
const processId = () => `${process.env.CONSOLE_PROCESS ?? 'web'}:${os.hostname()}:${process.pid}`;

/** Publishes this process's metrics to Redis (the other processes' `/metrics` read them). */
export async function publishMetrics(redis: Redis, prefix: string): Promise<void> {
	const snapshot = { at: Date.now(), metrics: await registry.getMetricsAsJSON() };
	await redis.hset(key(prefix), processId(), JSON.stringify(snapshot));
}

/** Publishes every `everyMs` until stopped; a failed publish (Redis away) waits for the next. */
export function startPublishing(redis: Redis, prefix: string, everyMs = 5000) {
	const timer = setInterval(() => void publishMetrics(redis, prefix).catch(() => {}), everyMs);
	timer.unref();
	return { stop: () => clearInterval(timer) };
}

/**
 * Every process's metrics summed: this process's as of now, the others' as last published
 * (those not heard from within FRESH_MS are dropped), then `extra` (gauges read at scrape time).
 */
export async function collectAll(redis: Redis, prefix: string, extra: Registry): Promise<string> {
	const now = Date.now();
	const own = processId();
	const all = await redis.hgetall(key(prefix)).catch(() => ({}) as Record<string, string>);
	const stale: string[] = [];
	const snapshots: Snapshot[] = [await registry.getMetricsAsJSON()];
	for (const [id, raw] of Object.entries(all)) {
		if (id === own) continue;
		const s = JSON.parse(raw) as { at: number; metrics: Snapshot };
		if (now - s.at > FRESH_MS) stale.push(id);
		else snapshots.push(s.metrics);
	}
	if (stale.length) await redis.hdel(key(prefix), ...stale).catch(() => {});
	return Registry.merge([AggregatorRegistry.aggregate(snapshots), extra]).metrics();
}
