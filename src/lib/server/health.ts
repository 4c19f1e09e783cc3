import type { Ctx } from './context';
import { liveWorkers, SILENT_MS } from './heartbeat';
import { livekitHttpUrl } from './video/rooms';

interface Check {
	ok: boolean;
	ms: number;
	error?: string;
}

async function timed(fn: () => Promise<unknown> | unknown): Promise<Check> {
	const t = performance.now();
	try {
		await fn();
		return { ok: true, ms: Math.round(performance.now() - t) };
	} catch (e) {
		return {
			ok: false,
			ms: Math.round(performance.now() - t),
			error: e instanceof Error ? e.message : String(e)
		};
	}
}

let livekitCache: { at: number; check: Check } | undefined;

async function livekitCheck(url: string): Promise<Check> {
	if (livekitCache && Date.now() - livekitCache.at < 5000) return livekitCache.check;
	const check = await timed(async () => {
		const res = await fetch(livekitHttpUrl(url), { signal: AbortSignal.timeout(1500) });
		if (!res.ok) throw new Error(`LiveKit answered HTTP ${res.status}`);
	});
	if (!check.ok)
		check.error = `LiveKit at ${url} is unreachable${check.error ? ` (${check.error})` : ''}`;
	livekitCache = { at: Date.now(), check };
	return check;
}

/** Whether a worker process was heard from lately (timers, sweeps and recovery run there). */
async function workerCheck(ctx: Ctx): Promise<Check & { count: number }> {
	let count = 0;
	const check = await timed(async () => {
		const w = await liveWorkers(ctx);
		count = w.count;
		if (w.count === 0)
			throw new Error(
				w.lastSeenMsAgo === null
					? 'no worker process has started'
					: `no worker process heard from for ${Math.round(w.lastSeenMsAgo / 1000)} s (more than ${SILENT_MS / 1000} s)`
			);
	});
	return { ...check, count };
}

/**
 * Which part is down: SQLite, Redis, the worker processes, LiveKit. "down" (503) when SQLite or
 * Redis is; "degraded" when only the worker or video is (calls are still taken and routed by the
 * web process; timers wait for a worker).
 */
export async function health(ctx: Ctx) {
	const [sqlite, redis, livekit, worker] = await Promise.all([
		timed(() => ctx.db.$client.prepare('select 1').get()),
		timed(async () => {
			if ((await ctx.redis.ping()) !== 'PONG') throw new Error('unexpected PING reply');
		}),
		livekitCheck(ctx.cfg.LIVEKIT_URL),
		workerCheck(ctx)
	]);
	// Without Redis nothing can be said about the workers: the Redis check names the cause.
	if (!redis.ok) worker.error = 'unknown while Redis is unreachable';
	const status: 'ok' | 'degraded' | 'down' =
		!sqlite.ok || !redis.ok ? 'down' : livekit.ok && worker.ok ? 'ok' : 'degraded';
	return { status, checks: { sqlite, redis, worker, livekit } };
}
