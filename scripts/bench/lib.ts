import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

/** Percentile of a sample (nearest rank). */
export function pct(sample: number[], p: number): number {
	if (!sample.length) return NaN;
	const s = [...sample].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Runs `fn` for each item with at most `limit` in flight. */
export async function pool<T>(items: T[], limit: number, fn: (t: T) => Promise<void>) {
	let i = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (i < items.length) await fn(items[i++]!);
		})
	);
}

/** Bytes Redis uses now. */
export async function redisBytes(r: Redis): Promise<number> {
	const info = await r.info('memory');
	return Number(/used_memory:(\d+)/.exec(info)![1]);
}

/** CPU time Redis has used so far, in microseconds. */
export async function redisCpu(r: Redis): Promise<number> {
	const info = await r.info('cpu');
	const n = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)![1]);
	return (n('used_cpu_user') + n('used_cpu_sys')) * 1e6;
}

/** Calls and microseconds Redis has spent per command so far. */
export async function commandStats(r: Redis): Promise<Map<string, { n: number; us: number }>> {
	const out = new Map<string, { n: number; us: number }>();
	for (const m of (await r.info('commandstats')).matchAll(/cmdstat_(\S+):calls=(\d+),usec=(\d+)/g))
		out.set(m[1]!, { n: Number(m[2]), us: Number(m[3]) });
	return out;
}

/** Fixed-width table row. */
export function row(cells: (string | number)[], widths: number[]): string {
	return cells.map((c, i) => String(c).padEnd(widths[i] ?? 12)).join(' | ');
}

/**
 * Raw BullMQ on the same Redis: add → processed latency (sequential) and throughput with the
 * same in-flight limit as the routing run; no routing work in the processor.
 */
export async function rawBullmq(url: string, prefix: string, n: number, inFlight: number) {
	const conn = new Redis(url, { maxRetriesPerRequest: null });
	const queue = new Queue('raw', { connection: conn, prefix });
	const waiters = new Map<string, () => void>();
	const worker = new Worker(
		'raw',
		async (job) => {
			waiters.get(job.id!)?.();
		},
		{ connection: new Redis(url, { maxRetriesPerRequest: null }), prefix, concurrency: 64 }
	);
	await worker.waitUntilReady();
	let seq = 0;
	const one = async () => {
		const id = `j${++seq}`;
		const done = new Promise<void>((r) => waiters.set(id, r));
		await queue.add('raw', { n: seq }, { jobId: id, removeOnComplete: true });
		await done;
		waiters.delete(id);
	};
	const lat: number[] = [];
	for (let i = 0; i < 300; i++) {
		const t = performance.now();
		await one();
		lat.push(performance.now() - t);
	}
	const t0 = performance.now();
	await pool(
		Array.from({ length: n }, (_, i) => i),
		inFlight,
		() => one()
	);
	const perSec = n / ((performance.now() - t0) / 1000);
	await worker.close();
	await queue.close();
	conn.disconnect();
	return { p50: pct(lat, 50), p99: pct(lat, 99), perSec };
}

/**
 * Bare Redis pub/sub round trip: publish on one connection → received on another, one message
 * at a time, `gapMs` apart; returns the sample in ms.
 */
export async function pubsubRoundTrips(url: string, n: number, gapMs = 0): Promise<number[]> {
	const pub = new Redis(url);
	const sub = new Redis(url);
	const channel = `bench:pubsub:${process.pid}:${Math.random()}`;
	let received: (() => void) | undefined;
	sub.on('message', () => received?.());
	await sub.subscribe(channel);
	const sample: number[] = [];
	for (let i = 0; i < n; i++) {
		const got = new Promise<void>((r) => (received = r));
		const t0 = performance.now();
		await pub.publish(channel, String(i));
		await got;
		sample.push(performance.now() - t0);
		if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
	}
	pub.disconnect();
	sub.disconnect();
	return sample;
}

/** A process's resident memory (MB) and CPU time so far (s, user + system), from /proc. */
export function procStats(pid: number): { rssMb: number; anonMb: number; cpuS: number } {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
	const rssKb = kb('VmRSS');
	// fields after the command name (which may hold spaces): utime and stime are the 12th and 13th
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(f[11]) + Number(f[12]);
	return { rssMb: rssKb / 1024, anonMb: kb('RssAnon') / 1024, cpuS: ticks / clockTicks() };
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
	ticksPerSecond ??=
		Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	return ticksPerSecond;
}
