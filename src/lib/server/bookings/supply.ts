import { agentAccounts, allSkillFields } from '../agents/queries';
import type { Ctx } from '../context';
import { figures, lifeOf, type CallHistory } from '../metrics/metrics';
import { metricSettings } from '../metrics/settings';
import { mattersOfDepartment } from '../catalog/queries';
import { minutesOf } from '../schedule/hours';
import { matterDay, rosteredAgentIds } from '../schedule/schedule';
import { historySince } from '../supervisor/queries';

/**
 * What serves bookings: the open hours of a matter on a date, the seats of a matter group, and
 * the group's average handle time (the schedules and the roster, read through one function each).
 */

/** An open stretch of a day (minutes of the day), and the extended session it belongs to, if any. */
export interface OpenSpan {
	span: [number, number];
	/** The extended session serving it; null for regular hours, which every seat works. */
	sessionId: number | null;
}

const minutes = ([a, b]: [string, string]): [number, number] => [minutesOf(a), minutesOf(b)];

/**
 * A matter's open stretches on a local date, from its schedule and the extended sessions
 * covering it (SERVICE_HOURS=always: the whole day, but a holiday stays closed).
 */
export function openIntervals(ctx: Ctx, matterId: number, date: string): OpenSpan[] {
	const day = matterDay(ctx, matterId, date);
	return [
		...day.regular.map((i) => ({ span: minutes(i), sessionId: null })),
		...day.sessions.flatMap((s) => s.intervals.map((i) => ({ span: minutes(i), sessionId: s.id })))
	].sort((x, y) => x.span[0] - y.span[0]);
}

/**
 * A matter group's (department's) open stretches on a date: those of any of its matters, each
 * stretch once.
 */
export function departmentIntervals(ctx: Ctx, departmentId: number, date: string): OpenSpan[] {
	const seen = new Map<string, OpenSpan>();
	for (const m of mattersOfDepartment(ctx.db, departmentId))
		for (const o of openIntervals(ctx, m.id, date))
			seen.set(`${o.sessionId}:${o.span[0]}:${o.span[1]}`, o);
	return [...seen.values()].sort((x, y) => x.span[0] - y.span[0]);
}

/**
 * The seats serving a matter group (department) on a date: the agents holding a matter skill
 * of the department (read once); `on(date, sessionId)` counts them, in an extended session only
 * those rostered for it on that date.
 */
export function seatsFor(ctx: Ctx, departmentId: number) {
	const fields = allSkillFields(ctx.db);
	const skilled = agentAccounts(ctx.db)
		.filter((a) => (fields.get(a.id)?.[`d:${departmentId}`] ?? 0) > 0)
		.map((a) => a.id);
	return {
		on(date: string, sessionId: number | null = null): number {
			if (sessionId === null) return skilled.length;
			const rostered = new Set(rosteredAgentIds(ctx, date, sessionId));
			return skilled.filter((id) => rostered.has(id)).length;
		}
	};
}

const HISTORY_DAYS = 28;
const AHT_CACHE_MS = 60_000;
const ahtCache = new WeakMap<object, { at: number; byDept: Map<number, number> }>();

/**
 * Average handle time (seconds) per matter group over the last four weeks of finished calls,
 * as the service figures define it; DEFAULT_HANDLE_SECONDS for a group without history.
 * Worked out at most once a minute per process.
 */
export function handleSecondsFor(ctx: Ctx, departmentId: number, now = Date.now()): number {
	let hit = ahtCache.get(ctx.db);
	if (!hit || now - hit.at > AHT_CACHE_MS || now < hit.at) {
		hit = { at: now, byDept: averageHandleByDepartment(ctx, now) };
		ahtCache.set(ctx.db, hit);
	}
	return hit.byDept.get(departmentId) ?? ctx.cfg.DEFAULT_HANDLE_SECONDS;
}

/** Calls of the window with their history (as the service figures read them). */
export function historiesBetween(ctx: Ctx, from: number, to: number): CallHistory[] {
	const rows = historySince(ctx.db, new Date(from).toISOString(), new Date(to).toISOString());
	const byCall = new Map<string, CallHistory>();
	for (const r of rows) {
		let h = byCall.get(r.callId);
		if (!h) {
			h = {
				callId: r.callId,
				departmentId: r.departmentId,
				arrivedAt: Date.parse(r.queuedAt),
				steps: []
			};
			byCall.set(r.callId, h);
		}
		h.steps.push({ type: r.type, at: Date.parse(r.at) });
	}
	return [...byCall.values()];
}

function averageHandleByDepartment(ctx: Ctx, now: number): Map<number, number> {
	const lives = historiesBetween(ctx, now - HISTORY_DAYS * 86_400_000, now).map(lifeOf);
	const byDept = new Map<number, typeof lives>();
	for (const l of lives) {
		const list = byDept.get(l.departmentId) ?? [];
		list.push(l);
		byDept.set(l.departmentId, list);
	}
	const settings = metricSettings(ctx);
	const out = new Map<number, number>();
	for (const [dept, list] of byDept) {
		const aht = figures(list, settings).averageHandleTime;
		if (aht && aht > 0) out.set(dept, aht);
	}
	return out;
}
