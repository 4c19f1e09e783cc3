import type { WallDay, WallHour, WallWaitingSample } from '../../contracts/supervisor-api';
import type { SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import {
	figures,
	figuresByHour,
	lifeOf,
	shanghaiDay,
	type CallHistory,
	type CallLife,
	type MetricSettings
} from '../metrics/metrics';
import { metricSettings } from '../metrics/settings';
import * as q from './queries';
import { waitingByMinute } from './trend';

const HOUR = 3_600_000;

/** Today as the wall shows it: figures per queue and per hour, and the last hour's waiting. */
export interface Today {
	/** Today's calls by queue key (`dept:`, `lang:`, `lane:`). */
	byQueue: Map<string, CallLife[]>;
	day: WallDay;
	hours: WallHour[];
	waitingTrend: WallWaitingSample[];
	/** The thresholds the figures were computed with. */
	settings: MetricSettings;
}

/**
 * Reads today's calls (Asia/Shanghai) and the last hour's with their history once (those in
 * `scope`), and derives the queues' figures, the hourly figures and the waiting trend from them.
 */
export function readToday(ctx: Ctx, now: number, scope?: SQL): Today {
	const settings = metricSettings(ctx);
	const day = shanghaiDay(now);
	// the last hour may begin yesterday: its waiting callers count too
	const from = Math.min(day.start, now - HOUR);
	const rows = q.historySince(
		ctx.db,
		new Date(from).toISOString(),
		new Date(day.end).toISOString(),
		scope
	);
	const byCall = new Map<string, { h: CallHistory; keys: string[] }>();
	for (const r of rows) {
		let c = byCall.get(r.callId);
		if (!c) {
			const h = {
				callId: r.callId,
				departmentId: r.departmentId,
				arrivedAt: Date.parse(r.queuedAt),
				steps: []
			};
			c = { h, keys: [`dept:${r.departmentId}`, `lang:${r.language}`, `lane:${r.lane}`] };
			byCall.set(r.callId, c);
		}
		c.h.steps.push({ type: r.type, at: Date.parse(r.at) });
	}
	const byQueue = new Map<string, CallLife[]>();
	const lives: CallLife[] = [];
	for (const { h, keys } of byCall.values()) {
		if (h.arrivedAt < day.start) continue;
		const life = lifeOf(h);
		lives.push(life);
		for (const k of keys) {
			const list = byQueue.get(k);
			if (list) list.push(life);
			else byQueue.set(k, [life]);
		}
	}
	const brief = (f: ReturnType<typeof figures>): WallDay => ({
		offered: f.offered,
		answered: f.answered,
		abandoned: f.abandoned,
		serviceLevel: f.serviceLevel
	});
	const hours = figuresByHour(lives, day, settings).map((f, hour) => ({ hour, ...brief(f) }));
	const waitingTrend = waitingByMinute(
		[...byCall.values()].map((c) => c.h),
		now
	).map((s) => ({ at: new Date(s.at).toISOString(), waiting: s.waiting }));
	return { byQueue, day: brief(figures(lives, settings)), hours, waitingTrend, settings };
}
