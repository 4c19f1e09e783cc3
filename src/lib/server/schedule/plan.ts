/**
 * The hours of any day, pure: a matter follows the schedule assigned to its department (else
 * to the booth's town, else the district default); a caller's language may narrow them to that
 * language's seat hours; holidays close, make-up days (调休) follow the weekday named for them,
 * closed and extra exceptions take hours away or add them; extended sessions open the matters
 * they cover on their weekday. Times are Asia/Shanghai (fixed +08:00).
 */
import { DAYS, instantOf, localParts, minutesOf, type Interval } from './hours';

export type Week = Record<string, Interval[]>;
export type Span = [number, number];

export interface DayException {
	kind: 'holiday' | 'workday' | 'closed' | 'extra';
	/** Make-up day: the weekday (0–6) whose hours it follows; null: Monday. */
	weekday: number | null;
	intervals: Interval[] | null;
}

export interface SessionDef {
	id: number;
	name: string;
	nameEn: string;
	weekday: number;
	intervals: Interval[];
	active: boolean;
	matterIds: ReadonlySet<number>;
}

export interface PlanData {
	defaultWeek: Week;
	weeks: ReadonlyMap<number, Week>;
	/** `department:<id>`, `town:<id>`, `language:<code>` → schedule id. */
	assigned: ReadonlyMap<string, number>;
	sessions: readonly SessionDef[];
	exceptions: ReadonlyMap<string, DayException>;
}

export interface Who {
	matterId: number;
	departmentId: number;
	townId?: number | null;
	language?: string | null;
}

export interface DayPlan {
	/** Regular hours of the matter on that date (minutes after midnight, sorted, disjoint). */
	regular: Span[];
	/** Extended sessions open for the matter that day. */
	sessions: { id: number; name: string; nameEn: string; spans: Span[] }[];
}

const spans = (list: readonly Interval[] | null | undefined): Span[] =>
	(list ?? []).map(([a, b]): Span => [minutesOf(a), minutesOf(b)]).sort((x, y) => x[0] - y[0]);

/** Union of spans, sorted and merged. */
export function union(a: Span[], b: Span[]): Span[] {
	const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
	const out: Span[] = [];
	for (const s of all) {
		const last = out[out.length - 1];
		if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
		else out.push([s[0], s[1]]);
	}
	return out;
}

/** Spans of `a` that are also in `b`. */
export function intersect(a: Span[], b: Span[]): Span[] {
	const out: Span[] = [];
	for (const x of a)
		for (const y of b) {
			const s = Math.max(x[0], y[0]);
			const e = Math.min(x[1], y[1]);
			if (s < e) out.push([s, e]);
		}
	return union(out, []);
}

/** Spans of `a` minus `b`. */
export function subtract(a: Span[], b: Span[]): Span[] {
	let out = a.map((s): Span => [s[0], s[1]]);
	for (const [bs, be] of b) {
		out = out.flatMap(([s, e]): Span[] => {
			if (be <= s || bs >= e) return [[s, e]];
			const parts: Span[] = [];
			if (bs > s) parts.push([s, bs]);
			if (be < e) parts.push([be, e]);
			return parts;
		});
	}
	return out;
}

/** Weekday (0 Sunday … 6 Saturday) of a local date. */
export function weekdayOf(date: string): number {
	return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The weekday whose pattern a date follows (a make-up day's named weekday), or null when closed. */
function patternDay(ex: DayException | undefined, date: string): number | null {
	if (ex?.kind === 'holiday') return null;
	if (ex?.kind === 'workday') return ex.weekday ?? 1;
	return weekdayOf(date);
}

/** A schedule's own hours on a date: closed on a holiday, a make-up day follows its named weekday. */
export function scheduleDay(data: PlanData, scheduleId: number, date: string): Span[] {
	const day = patternDay(data.exceptions.get(date), date);
	if (day === null) return [];
	return spans(data.weeks.get(scheduleId)?.[DAYS[day]!]);
}

/** The week a matter follows: its department's schedule, else its town's, else the default. */
export function weekOf(data: PlanData, who: Who): Week {
	const id =
		data.assigned.get(`department:${who.departmentId}`) ??
		(who.townId ? data.assigned.get(`town:${who.townId}`) : undefined);
	return (id !== undefined ? data.weeks.get(id) : undefined) ?? data.defaultWeek;
}

/** The hours and extended sessions of a matter on one local date. */
export function dayPlan(data: PlanData, date: string, who: Who): DayPlan {
	const ex = data.exceptions.get(date);
	const day = patternDay(ex, date);
	if (day === null) return { regular: [], sessions: [] };
	let regular = spans(weekOf(data, who)[DAYS[day]!]);
	if (ex?.kind === 'closed')
		regular = ex.intervals?.length ? subtract(regular, spans(ex.intervals)) : [];
	if (ex?.kind === 'extra') regular = union(regular, spans(ex.intervals));
	const langId = who.language ? data.assigned.get(`language:${who.language}`) : undefined;
	const langWeek = langId !== undefined ? data.weeks.get(langId) : undefined;
	const narrow = (s: Span[]) => (langWeek ? intersect(s, spans(langWeek[DAYS[day]!])) : s);
	regular = narrow(union(regular, []));
	const closedAllDay = ex?.kind === 'closed' && !ex.intervals?.length;
	const sessions = closedAllDay
		? []
		: data.sessions
				.filter((s) => s.active && s.weekday === weekdayOf(date) && s.matterIds.has(who.matterId))
				.map((s) => {
					let sp = narrow(union(spans(s.intervals), []));
					if (ex?.kind === 'closed') sp = subtract(sp, spans(ex.intervals));
					return { id: s.id, name: s.name, nameEn: s.nameEn, spans: sp };
				})
				.filter((s) => s.spans.length);
	return { regular, sessions };
}

export interface Moment {
	open: boolean;
	/** The extended session serving the caller at that instant (null: regular hours or closed). */
	session: { id: number; name: string; nameEn: string } | null;
	/**
	 * The language schedule whose seat hours serve the caller then (regular hours of a language
	 * with its own schedule, e.g. 外语坐席): only the seats rostered for it take the call.
	 */
	languageScheduleId?: number | null;
	/** The next instant it is open (the instant itself when open), or null within a year. */
	opensAt: number | null;
}

/** What a caller of `who` finds at instant `at`. */
export function momentAt(data: PlanData, who: Who, at: number): Moment {
	const p = localParts(at);
	const plan = dayPlan(data, p.date, who);
	const inside = (s: Span[]) => s.some(([a, b]) => p.minute >= a && p.minute < b);
	if (inside(plan.regular)) {
		const lang = who.language ? data.assigned.get(`language:${who.language}`) : undefined;
		return { open: true, session: null, languageScheduleId: lang ?? null, opensAt: at };
	}
	const s = plan.sessions.find((x) => inside(x.spans));
	if (s) return { open: true, session: { id: s.id, name: s.name, nameEn: s.nameEn }, opensAt: at };
	return { open: false, session: null, opensAt: nextOpen(data, who, at) };
}

/** The first instant at or after `at` the matter is open, within 370 days. */
export function nextOpen(data: PlanData, who: Who, at: number): number | null {
	const today = localParts(at).date;
	for (let i = 0; i < 370; i++) {
		const date = new Date(Date.parse(`${today}T00:00:00Z`) + i * 86_400_000)
			.toISOString()
			.slice(0, 10);
		const plan = dayPlan(data, date, who);
		const all = union(
			plan.regular,
			plan.sessions.flatMap((s) => s.spans)
		);
		for (const [a, b] of all) {
			const end = instantOf(date, b);
			if (end <= at) continue;
			return Math.max(instantOf(date, a), at);
		}
	}
	return null;
}

/**
 * Whether a caller is offered a booking: the matter can be booked and the caller finds it
 * closed at that time. The bookings area refines what "bookable" means.
 */
export function bookingOffered(m: { bookable: boolean; open: boolean }): boolean {
	return m.bookable && !m.open;
}
