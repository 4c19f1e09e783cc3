import { matterFacts } from '../catalog/queries';
import type { Ctx } from '../context';
import { recentHandleTimes, type HandleHistory } from '../metrics/queries';
import * as live from '../routing/live';
import { groupHandleSeconds } from './wait';

/** Days of finished calls the estimate reads, calls per matter group, and how long it is kept. */
const HISTORY_DAYS = 7;
const PER_GROUP = 100;
const CACHE_MS = 10_000;

const cache = new WeakMap<object, { at: number; byDept: Map<number, HandleHistory> }>();

function histories(ctx: Ctx, now: number): Map<number, HandleHistory> {
	let hit = cache.get(ctx.db);
	if (!hit || now - hit.at > CACHE_MS || now < hit.at) {
		// the Asia/Shanghai day HISTORY_DAYS ago, as report_calls.day spells it
		const since = new Date(now + 8 * 3_600_000 - HISTORY_DAYS * 86_400_000)
			.toISOString()
			.slice(0, 10);
		const rows = recentHandleTimes(ctx.db, since, PER_GROUP);
		hit = { at: now, byDept: new Map(rows.map((r) => [r.departmentId, r])) };
		cache.set(ctx.db, hit);
	}
	return hit.byDept;
}

/**
 * Mean handle time (seconds) of a matter's group (its department): its latest finished calls,
 * blended with the console-wide moving average (or DEFAULT_HANDLE_SECONDS) while it has few.
 * SQLite is read at most every ten seconds per process.
 */
export async function handleSecondsOfMatter(
	ctx: Ctx,
	matterId: number,
	now = Date.now()
): Promise<number> {
	const overall = (await live.handleTimeAverage(ctx)) ?? ctx.cfg.DEFAULT_HANDLE_SECONDS;
	const dept = matterFacts(ctx.db, matterId)?.departmentId;
	return groupHandleSeconds(
		dept === undefined ? undefined : histories(ctx, now).get(dept),
		overall
	);
}
