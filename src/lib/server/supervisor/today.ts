import type { WallDay, WallHour, WallWaitingSample } from '../../contracts/supervisor-api';
import type { Ctx } from '../context';
import { connectionOf } from '../db/prepared';
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
import type { Scope } from './scope';
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

/** A call of the window with its history, its queues and (once computed) what it means. */
interface Tracked {
	h: CallHistory;
	keys: string[];
	/** Where it came from, for a supervisor's scope: the matter's department, the booth's town. */
	townId: number | null;
	life?: CallLife;
}

/** The calls since `from` with their history, as of call event `lastEventId`. */
interface Window {
	dayStart: number;
	from: number;
	lastEventId: number;
	calls: Map<string, Tracked>;
}
const windows = new WeakMap<object, Window>();

type Facts = {
	queuedAt: string;
	departmentId: number;
	language: string;
	lane: string;
	townId: number | null;
};
const keysOf = (r: Facts) => [`dept:${r.departmentId}`, `lang:${r.language}`, `lane:${r.lane}`];

/** Reads the window afresh: every call queued in [from, to) with its whole history. */
function readWindow(ctx: Ctx, from: number, to: number, dayStart: number): Window {
	const before = q.lastCallEventId(ctx.db);
	const rows = q.historySince(ctx.db, new Date(from).toISOString(), new Date(to).toISOString());
	const w: Window = { dayStart, from, lastEventId: before, calls: new Map() };
	for (const r of rows) {
		let c = w.calls.get(r.callId);
		if (!c) {
			const h = {
				callId: r.callId,
				departmentId: r.departmentId,
				arrivedAt: Date.parse(r.queuedAt),
				steps: []
			};
			c = { h, keys: keysOf(r), townId: r.townId };
			w.calls.set(r.callId, c);
		}
		c.h.steps.push({ type: r.type, at: Date.parse(r.at) });
		w.lastEventId = Math.max(w.lastEventId, r.eventId);
	}
	return w;
}

/**
 * Brings a window up to date with the call events written since it was read (event ids grow
 * in commit order): new calls join it, calls with new steps get them and their queues again (a
 * transfer or a lane change moves a call), and only those calls' figures are worked out anew.
 */
function advance(ctx: Ctx, w: Window, to: number): void {
	const events = q.callEventsAfter(ctx.db, w.lastEventId);
	if (!events.length) return;
	const ids = [...new Set(events.map((e) => e.callId))];
	const facts = q.callFacts(ctx.db, ids);
	for (const e of events) {
		w.lastEventId = Math.max(w.lastEventId, e.id);
		const f = facts.get(e.callId);
		if (!f) continue;
		const arrivedAt = Date.parse(f.queuedAt);
		let c = w.calls.get(e.callId);
		if (!c) {
			if (arrivedAt < w.from || arrivedAt >= to) continue;
			c = {
				h: { callId: e.callId, departmentId: f.departmentId, arrivedAt, steps: [] },
				keys: [],
				townId: f.townId
			};
			w.calls.set(e.callId, c);
		}
		c.h.departmentId = f.departmentId;
		c.h.arrivedAt = arrivedAt;
		c.keys = keysOf(f);
		c.townId = f.townId;
		c.h.steps.push({ type: e.type, at: Date.parse(e.at) });
		c.life = undefined;
	}
}

/**
 * The calls of the window [from, to) with their history. Kept per connection and brought up to
 * date from the call events written since (a snapshot reads what changed, not the whole day);
 * read afresh on a new day, for an earlier window, or inside a write transaction (whose rows
 * may still roll back). `fresh` reads afresh regardless.
 */
function windowOf(ctx: Ctx, from: number, to: number, dayStart: number, fresh: boolean): Window {
	const conn = connectionOf(ctx.db);
	if (fresh || conn.inTransaction) return readWindow(ctx, from, to, dayStart);
	let w = windows.get(conn);
	if (w && w.dayStart === dayStart && from >= w.from) advance(ctx, w, to);
	else {
		w = readWindow(ctx, from, to, dayStart);
		windows.set(conn, w);
	}
	return w;
}

/** Whether a call of the window is one a supervisor with this scope oversees (see scope.ts). */
function inScope(c: Tracked, scope: Scope | null): boolean {
	return (
		!scope ||
		scope.departmentIds.includes(c.h.departmentId) ||
		(c.townId !== null && scope.townIds.includes(c.townId))
	);
}

/**
 * Today's calls (Asia/Shanghai) and the last hour's with their history (those `scope` covers),
 * and the queues' figures, the hourly figures and the waiting trend derived from them.
 */
export function readToday(
	ctx: Ctx,
	now: number,
	opts: { fresh?: boolean; scope?: Scope | null } = {}
): Today {
	const settings = metricSettings(ctx);
	const day = shanghaiDay(now);
	// the last hour may begin yesterday: its waiting callers count too
	const from = Math.min(day.start, now - HOUR);
	const w = windowOf(ctx, from, day.end, day.start, opts.fresh ?? false);
	const inWindow = [...w.calls.values()].filter(
		(c) => c.h.arrivedAt >= from && inScope(c, opts.scope ?? null)
	);
	const byQueue = new Map<string, CallLife[]>();
	const lives: CallLife[] = [];
	for (const c of inWindow) {
		if (c.h.arrivedAt < day.start) continue;
		const life = (c.life ??= lifeOf(c.h));
		lives.push(life);
		for (const k of c.keys) {
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
		inWindow.map((c) => c.h),
		now
	).map((s) => ({ at: new Date(s.at).toISOString(), waiting: s.waiting }));
	return { byQueue, day: brief(figures(lives, settings)), hours, waitingTrend, settings };
}
