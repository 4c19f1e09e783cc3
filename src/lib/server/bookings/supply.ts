import { agentAccounts, allSkillFields } from '../agents/queries';
import type { Ctx } from '../context';
import { figures, lifeOf, type CallHistory } from '../metrics/metrics';
import { metricSettings } from '../metrics/settings';
import { intervalsOn } from '../schedule/hours';
import { ALWAYS_HOURS, exceptionMap, getHours } from '../schedule/schedule';
import { historySince } from '../supervisor/queries';

/**
 * What serves bookings: the open hours of a matter on a date, the seats of a matter group, and
 * the group's average handle time. Each is read through one function here, so the roster and
 * the named schedules can take over without touching the booking rules.
 */

/** A matter's open intervals (minutes of the day) on a local date. */
export function openIntervals(
	ctx: Ctx,
	matter: { weekendExtended: boolean },
	date: string
): [number, number][] {
	const hours = ctx.cfg.SERVICE_HOURS === 'always' ? ALWAYS_HOURS : getHours(ctx.db);
	return intervalsOn(hours, exceptionMap(ctx.db), date, matter.weekendExtended);
}

/**
 * Seats serving a matter group (department) on a date: the agent accounts holding a matter
 * skill of the department (the roster of the date takes over here).
 */
export function seatsFor(ctx: Ctx, _date: string, departmentId: number): number {
	const fields = allSkillFields(ctx.db);
	let n = 0;
	for (const a of agentAccounts(ctx.db)) {
		if ((fields.get(a.id)?.[`d:${departmentId}`] ?? 0) > 0) n++;
	}
	return n;
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
