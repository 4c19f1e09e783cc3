/** What the scheduler's pages read: schedules with their assignments, sessions, the month view. */
import { listDepartments, listLanguages, listTowns, matterFacts } from '../catalog/queries';
import type { Ctx } from '../context';
import { badRequest } from '../errors';
import { DAYS, type Interval } from './hours';
import { dayPlan, weekdayOf, type Span } from './plan';
import * as q from './queries';
import { languageDates, languagesOf } from './roster';
import { toIntervals } from './schedule';

/** Parses "09:00-12:00, 13:00-17:00" (– or - or ~) into intervals; 400 on anything else. */
export function parseIntervals(text: string, label = ''): Interval[] {
	const parts = text
		.split(/[,，;；\s]+/)
		.map((s) => s.trim())
		.filter(Boolean);
	return parts.map((p) => {
		const m = /^(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})$/.exec(p);
		if (!m)
			throw badRequest(
				`${label ? label + ': ' : ''}"${p}" is not like 09:00-12:00`,
				'invalid_hours'
			);
		const [h1, m1, h2, m2] = m.slice(1).map(Number) as [number, number, number, number];
		if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 === 24 && m2 > 0) || (h1 === 24 && m1 > 0))
			throw badRequest(`${label ? label + ': ' : ''}"${p}" is not a time of day`, 'invalid_hours');
		const f = (h: number, mm: number) =>
			`${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
		return [f(h1, m1), f(h2, m2)] as Interval;
	});
}

/** Intervals as the forms show them: "09:00-12:00, 13:00-17:00". */
export const showIntervals = (list: readonly Interval[] | null | undefined) =>
	(list ?? []).map(([a, b]) => `${a}-${b}`).join(', ');

/** The schedules page: every schedule with what it is assigned to, and the choices. */
export function schedulesPage(ctx: Ctx) {
	const assigned = q.listAssignments(ctx.db);
	return {
		schedules: q.listSchedules(ctx.db).map((s) => ({
			...s,
			days: Object.fromEntries(DAYS.map((d) => [d, showIntervals(s.pattern[d])])),
			departmentIds: assigned
				.filter((a) => a.scheduleId === s.id && a.kind === 'department')
				.map((a) => Number(a.ref)),
			townIds: assigned
				.filter((a) => a.scheduleId === s.id && a.kind === 'town')
				.map((a) => Number(a.ref)),
			languages: assigned
				.filter((a) => a.scheduleId === s.id && a.kind === 'language')
				.map((a) => a.ref)
		})),
		departments: listDepartments(ctx.db).map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn })),
		towns: listTowns(ctx.db),
		languages: listLanguages(ctx.db)
	};
}

/** Every session with its hours as text and the number of matters it covers. */
export function sessionsPage(ctx: Ctx) {
	const data = q.planData(ctx.db);
	return q.listSessions(ctx.db).map((s) => ({
		...s,
		hours: showIntervals(s.intervals),
		matterCount: data.sessions.find((x) => x.id === s.id)?.matterIds.size ?? 0
	}));
}

const addDays = (date: string, n: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The next `count` dates on a weekday from `from` (inclusive). */
export function nextDatesOn(weekday: number, from: string, count: number): string[] {
	let d = from;
	while (weekdayOf(d) !== weekday) d = addDays(d, 1);
	return Array.from({ length: count }, (_, i) => addDays(d, 7 * i));
}

/** One session's page: the session, its matters, the seats, and the roster of its coming dates. */
export function sessionPage(ctx: Ctx, id: number, today: string) {
	const s = q.sessionById(ctx.db, id);
	if (!s) return null;
	const dates = nextDatesOn(s.weekday, today, 6);
	const roster = q
		.rosterBetween(ctx.db, dates[0]!, dates[dates.length - 1]!)
		.filter((r) => r.sessionId === id);
	return {
		session: { ...s, hours: showIntervals(s.intervals) },
		matters: q.sessionMatterList(ctx.db, id),
		agents: q.rosterableAgents(ctx.db),
		departments: listDepartments(ctx.db).map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn })),
		dates: dates.map((date) => ({ date, seats: roster.filter((r) => r.date === date) }))
	};
}

/**
 * A language schedule's roster page: the schedule, its languages, the seats speaking them, and
 * the roster of its coming dates (null for an unknown schedule).
 */
export function languageRosterPage(ctx: Ctx, id: number, today: string) {
	const s = q.scheduleById(ctx.db, id);
	if (!s) return null;
	const codes = languagesOf(ctx, id);
	const dates = codes.length ? languageDates(ctx, id, today, 10) : [];
	const roster = dates.length
		? q.rosterBetween(ctx.db, dates[0]!, dates.at(-1)!, undefined, 'language')
		: [];
	const names = new Map(listLanguages(ctx.db).map((l) => [l.code, l]));
	return {
		schedule: { id: s.id, name: s.name, nameEn: s.nameEn },
		languages: codes.map((c) => ({
			code: c,
			name: names.get(c)?.name ?? c,
			nameEn: names.get(c)?.nameEn ?? c
		})),
		agents: q.rosterableAgents(ctx.db),
		dates: dates.map((date) => ({
			date,
			seats: roster.filter((r) => r.date === date && r.sessionId === id)
		}))
	};
}

export interface CalendarDay {
	date: string;
	weekday: number;
	exception: { kind: string; note: string | null; weekday: number | null } | null;
	regular: Interval[];
	sessions: { id: number; name: string; nameEn: string; intervals: Interval[]; rostered: number }[];
}

/**
 * The month calendar: each day's regular hours and extended sessions, for one matter or (none
 * given) the default schedule with every session that runs that day.
 */
export function monthView(ctx: Ctx, month: string, matterId?: number): CalendarDay[] {
	const data = q.planData(ctx.db);
	const departmentId =
		matterId !== undefined ? matterFacts(ctx.db, matterId)?.departmentId : undefined;
	const first = `${month}-01`;
	const days: CalendarDay[] = [];
	const allMatters = new Set(data.sessions.flatMap((s) => [...s.matterIds]));
	const wide = {
		...data,
		sessions: data.sessions.map((s) => ({ ...s, matterIds: new Set([-1, ...allMatters]) }))
	};
	for (let d = first; d.startsWith(month); d = addDays(d, 1)) {
		const plan =
			matterId !== undefined
				? dayPlan(data, d, { matterId, departmentId: departmentId ?? -1 })
				: dayPlan({ ...wide, assigned: new Map() }, d, { matterId: -1, departmentId: -1 });
		const ex = data.exceptions.get(d);
		days.push({
			date: d,
			weekday: weekdayOf(d),
			exception: ex
				? { kind: ex.kind, note: q.exceptionRow(ctx.db, d)?.note ?? null, weekday: ex.weekday }
				: null,
			regular: toIntervals(plan.regular),
			sessions: plan.sessions.map((s) => ({
				id: s.id,
				name: s.name,
				nameEn: s.nameEn,
				intervals: toIntervals(s.spans as Span[]),
				rostered: q.rosteredIds(ctx.db, d, { kind: 'session', id: s.id }).length
			}))
		});
	}
	return days;
}
