import type { Ctx } from '../context';
import type { Db } from '../db';
import type { OnConnection } from '../db/prepared';
import { matterFacts } from '../catalog/queries';
import { badRequest } from '../errors';
import {
	DAYS,
	formatShanghai,
	localParts,
	minutesOf,
	type ExceptionKind,
	type Hours,
	type Interval
} from './hours';
import { bookingOffered, dayPlan, momentAt, type PlanData, type Span, type Who } from './plan';
import * as q from './queries';
import type { RosterKind, RosterTarget } from './queries';

export { putHours, putException, deleteException } from './edit';

const hhmm = (m: number) =>
	`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** Minute spans back to "HH:MM" intervals. */
export const toIntervals = (s: Span[]): Interval[] =>
	s.map(([a, b]): Interval => [hhmm(a), hhmm(b)]);

/** Intervals of one day as one sorted list without overlaps (sessions of a weekday may share hours). */
function union(list: Interval[]): Interval[] {
	const out: Interval[] = [];
	for (const [a, b] of [...list].sort((x, y) => minutesOf(x[0]) - minutesOf(y[0]))) {
		const last = out.at(-1);
		if (last && minutesOf(a) <= minutesOf(last[1])) {
			if (minutesOf(b) > minutesOf(last[1])) last[1] = b;
		} else out.push([a, b]);
	}
	return out;
}

/**
 * The contract's weekly hours: `regular` is the district default schedule, `extended` the
 * hours of the active extended sessions by weekday (their union: what GET returns, PUT accepts).
 */
export function getHours(db: Db): Hours {
	const data = q.planData(db);
	const extended: Hours['extended'] = {};
	for (const s of data.sessions) {
		if (!s.active) continue;
		const day = DAYS[s.weekday]!;
		extended[day] = union([...(extended[day] ?? []), ...(s.intervals as Interval[])]);
	}
	return {
		timezone: 'Asia/Shanghai',
		regular: Object.fromEntries(
			DAYS.map((d) => [d, data.defaultWeek[d] ?? []])
		) as Hours['regular'],
		extended
	};
}

/** Holiday and make-up workday exceptions by date (working-day deadlines read these). */
export function exceptionMap(db: OnConnection): ReadonlyMap<string, ExceptionKind> {
	const out = new Map<string, ExceptionKind>();
	for (const [date, e] of q.planData(db).exceptions)
		if (e.kind === 'holiday' || e.kind === 'workday') out.set(date, e.kind);
	return out;
}

/** Every exception, by date. */
export function listExceptions(db: Db) {
	return q.listExceptionRows(db);
}

const ALL_DAY: Interval[] = [['00:00', '24:00']];
/** Every day around the clock: the hours of SERVICE_HOURS=always. */
export const ALWAYS_HOURS: Hours = {
	timezone: 'Asia/Shanghai',
	regular: Object.fromEntries(DAYS.map((d) => [d, ALL_DAY])) as Hours['regular'],
	extended: {}
};

/** The hours data to use: SERVICE_HOURS=always opens every day around the clock, but holidays stay closed. */
function dataFor(ctx: Pick<Ctx, 'db' | 'cfg'>): PlanData {
	const data = q.planData(ctx.db);
	if (ctx.cfg.SERVICE_HOURS !== 'always') return data;
	const holidays = new Map([...data.exceptions].filter(([, e]) => e.kind === 'holiday'));
	return {
		defaultWeek: ALWAYS_HOURS.regular,
		weeks: new Map(),
		assigned: new Map(),
		sessions: [],
		exceptions: holidays
	};
}

export interface Where {
	boothId?: number | null;
	language?: string | null;
}

function whoOf(ctx: Pick<Ctx, 'db'>, matterId: number, where: Where): Who | null {
	const m = matterFacts(ctx.db, matterId);
	if (!m) return null;
	return {
		matterId,
		departmentId: m.departmentId,
		townId: where.boothId ? q.boothTownId(ctx.db, where.boothId) : null,
		language: where.language ?? null
	};
}

/**
 * Whether a matter is served at `now` (for a caller at a booth, in a language), and if not when
 * it next opens (ISO with +08:00); `session` names the extended session serving it then.
 */
export function matterHours(
	ctx: Pick<Ctx, 'db' | 'cfg'>,
	matterId: number,
	now = Date.now(),
	where: Where = {}
):
	| {
			open: true;
			session: { id: number; name: string; nameEn: string } | null;
			languageScheduleId: number | null;
	  }
	| { open: false; opensAt: string | null } {
	const who = whoOf(ctx, matterId, where);
	if (!who) return { open: false, opensAt: null };
	const m = momentAt(dataFor(ctx), who, now);
	if (m.open)
		return { open: true, session: m.session, languageScheduleId: m.languageScheduleId ?? null };
	return { open: false, opensAt: m.opensAt === null ? null : formatShanghai(m.opensAt) };
}

/**
 * The open intervals of a matter on a local date (YYYY-MM-DD): regular hours and each extended
 * session's, as "HH:MM" pairs (Asia/Shanghai). What booking slots are cut from.
 */
export function matterDay(
	ctx: Pick<Ctx, 'db' | 'cfg'>,
	matterId: number,
	date: string,
	where: Where = {}
) {
	const who = whoOf(ctx, matterId, where);
	if (!who) return { regular: [] as Interval[], sessions: [] };
	const p = dayPlan(dataFor(ctx), date, who);
	return {
		regular: toIntervals(p.regular),
		sessions: p.sessions.map((s) => ({
			id: s.id,
			name: s.name,
			nameEn: s.nameEn,
			intervals: toIntervals(s.spans)
		}))
	};
}

/** Whether any matter is served at `now` (a booth's out-of-hours screen), and if not when service opens. */
export function serviceAt(
	ctx: Pick<Ctx, 'db' | 'cfg'>,
	now = Date.now()
): { open: boolean; opensAt: string | null } {
	const data = dataFor(ctx);
	const all = new Set(data.sessions.flatMap((s) => [...s.matterIds]));
	// A pseudo-matter covered by every session and following the default week.
	const who: Who = { matterId: -1, departmentId: -1 };
	const wide: PlanData = {
		...data,
		assigned: new Map(),
		sessions: data.sessions.map((s) => ({ ...s, matterIds: new Set([-1, ...all]) }))
	};
	const m = momentAt(wide, who, now);
	return { open: m.open, opensAt: m.open || m.opensAt === null ? null : formatShanghai(m.opensAt) };
}

/** Agent ids rostered for an extended session on a local date (appointment capacity, staffing). */
export function rosteredAgentIds(
	ctx: Pick<Ctx, 'db'> | Db,
	date: string,
	sessionId: number,
	kind: RosterKind = 'session'
): number[] {
	const db = 'db' in ctx ? ctx.db : ctx;
	return q.rosteredIds(db, date, { kind, id: sessionId });
}

/**
 * The routing fields of an agent's roster for the days around `now`: `r:<session>:<date>` for
 * extended sessions, `rl:<schedule>:<date>` for language hours.
 */
export function rosterFields(
	db: OnConnection,
	agentId: number,
	now = Date.now()
): Record<string, number> {
	const today = localParts(now).date;
	const day = (n: number) =>
		new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
	const out: Record<string, number> = {};
	for (const r of q.rosterOfAgent(db, agentId, day(-1), day(7)))
		out[rosterField(r.targetId, r.date, r.kind)] = 1;
	return out;
}

/** The routing field a seat needs to take calls of a session (or language hours) on a date. */
export const rosterField = (targetId: number, date: string, kind: RosterKind = 'session') =>
	`${kind === 'session' ? 'r' : 'rl'}:${targetId}:${date}`;

/**
 * The roster requirement of a call queued at `at`: the field a seat must hold when the matter
 * is served then by an extended session, or in a language's own seat hours (外语坐席); regular
 * hours need no roster. Null when none applies.
 */
export function rosterRequirement(
	ctx: Pick<Ctx, 'db' | 'cfg'>,
	matterId: number,
	at: number,
	where: Where = {}
): string | null {
	const target = servingRoster(ctx, matterId, at, where);
	return target ? rosterField(target.id, localParts(at).date, target.kind) : null;
}

/** The roster that serves a caller at `at` (an extended session's or a language's), if any. */
function servingRoster(
	ctx: Pick<Ctx, 'db' | 'cfg'>,
	matterId: number,
	at: number,
	where: Where
): RosterTarget | null {
	const h = matterHours(ctx, matterId, at, where);
	if (!h.open) return null;
	if (h.session) return { kind: 'session', id: h.session.id };
	if (h.languageScheduleId !== null) return { kind: 'language', id: h.languageScheduleId };
	return null;
}

/**
 * "What would a caller see at `at`" for a matter at a booth: the preview, always of the
 * schedule as configured (SERVICE_HOURS=always overrides only what live callers get).
 */
export function preview(
	live: Pick<Ctx, 'db' | 'cfg'>,
	matterId: number,
	at: number,
	where: Where = {}
) {
	const ctx = { db: live.db, cfg: { ...live.cfg, SERVICE_HOURS: 'schedule' as const } };
	if (!matterFacts(ctx.db, matterId))
		throw badRequest(`unknown matter ${matterId}`, 'unknown_matter');
	if (where.boothId && q.boothTownId(ctx.db, where.boothId) === null)
		throw badRequest(`unknown booth ${where.boothId}`, 'unknown_booth');
	const h = matterHours(ctx, matterId, at, where);
	const session = h.open ? h.session : null;
	const roster = servingRoster(ctx, matterId, at, where);
	const opensAt = h.open ? formatShanghai(at) : h.opensAt;
	const bookable = opensAt !== null && Date.parse(opensAt) - at <= 14 * 86_400_000;
	return {
		open: h.open,
		opensAt,
		session: session ? { id: session.id, name: session.name, nameEn: session.nameEn } : null,
		rosteredAgentIds: roster ? q.rosteredIds(ctx.db, localParts(at).date, roster) : [],
		bookingOffered: bookingOffered({ bookable, open: h.open })
	};
}

/** The active extended sessions covering any matter of a department (a matter group). */
export function sessionsOfDepartment(ctx: Pick<Ctx, 'db'>, departmentId: number) {
	const mine = new Set(q.matterIdsOfDepartment(ctx.db as Db, departmentId));
	return q
		.planData(ctx.db)
		.sessions.filter((s) => s.active && [...s.matterIds].some((m) => mine.has(m)))
		.map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, weekday: s.weekday }));
}
