import type { Ctx } from './context';
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

/** Reachability of SQLite, Redis and LiveKit; "degraded" when only video is down. */
export async function health(ctx: Ctx) {
	const [sqlite, redis, livekit] = await Promise.all([
		timed(() => ctx.db.$client.prepare('select 1').get()),
		timed(async () => {
			if ((await ctx.redis.ping()) !== 'PONG') throw new Error('unexpected PING reply');
		}),
		livekitCheck(ctx.cfg.LIVEKIT_URL)
	]);
	const status: 'ok' | 'degraded' | 'down' =
		!sqlite.ok || !redis.ok ? 'down' : livekit.ok ? 'ok' : 'degraded';
	return { status, checks: { sqlite, redis, livekit } };
}
