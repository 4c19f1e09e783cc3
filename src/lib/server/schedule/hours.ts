/**
 * Service hours as data (pure): weekly regular hours open every matter, extended hours open
 * only weekend-extended matters, holidays close all day, make-up workdays (调休) get the hours of
 * a regular weekday. Times are Asia/Shanghai, which has no daylight saving: a fixed +08:00.
 */

export const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Day = (typeof DAYS)[number];
export type Interval = [string, string];

export interface Hours {
	timezone: 'Asia/Shanghai';
	regular: Record<Day, Interval[]>;
	extended: Partial<Record<Day, Interval[]>>;
}

export type ExceptionKind = 'holiday' | 'workday';

/** Weekdays 09:00–12:00 and 13:00–17:00; Saturday 09:00–12:00 for weekend-extended matters. */
export const DEFAULT_HOURS: Hours = {
	timezone: 'Asia/Shanghai',
	regular: {
		mon: [
			['09:00', '12:00'],
			['13:00', '17:00']
		],
		tue: [
			['09:00', '12:00'],
			['13:00', '17:00']
		],
		wed: [
			['09:00', '12:00'],
			['13:00', '17:00']
		],
		thu: [
			['09:00', '12:00'],
			['13:00', '17:00']
		],
		fri: [
			['09:00', '12:00'],
			['13:00', '17:00']
		],
		sat: [],
		sun: []
	},
	extended: { sat: [['09:00', '12:00']] }
};

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Minutes after midnight of "HH:MM" ("24:00" = 1440). */
export function minutesOf(hhmm: string): number {
	const [h, m] = hhmm.split(':').map(Number);
	return h! * 60 + m!;
}

/** Local (Asia/Shanghai) calendar date, weekday and minute of an instant. */
export function localParts(ms: number): { date: string; dow: number; minute: number } {
	const d = new Date(ms + OFFSET_MS);
	return {
		date: d.toISOString().slice(0, 10),
		dow: d.getUTCDay(),
		minute: d.getUTCHours() * 60 + d.getUTCMinutes()
	};
}

/** The instant of a local date at a minute of the day. */
export function instantOf(date: string, minute: number): number {
	return Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + minute * 60_000;
}

/** ISO 8601 with the +08:00 offset, e.g. 2026-05-06T09:00:00+08:00. */
export function formatShanghai(ms: number): string {
	return new Date(ms + OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

/** Open intervals (minutes) of one local date for a matter. */
export function intervalsOn(
	hours: Hours,
	exceptions: ReadonlyMap<string, ExceptionKind>,
	date: string,
	weekendExtended: boolean
): [number, number][] {
	const kind = exceptions.get(date);
	if (kind === 'holiday') return [];
	const day = DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
	const list =
		kind === 'workday'
			? hours.regular.mon.length
				? hours.regular.mon
				: DEFAULT_HOURS.regular.mon
			: [...hours.regular[day], ...(weekendExtended ? (hours.extended[day] ?? []) : [])];
	return list
		.map(([a, b]): [number, number] => [minutesOf(a), minutesOf(b)])
		.sort((x, y) => x[0] - y[0]);
}

/** Whether a matter is served at `now`. */
export function isOpen(
	hours: Hours,
	exceptions: ReadonlyMap<string, ExceptionKind>,
	weekendExtended: boolean,
	now: number
): boolean {
	const p = localParts(now);
	return intervalsOn(hours, exceptions, p.date, weekendExtended).some(
		([a, b]) => p.minute >= a && p.minute < b
	);
}

/** The next instant the matter is open (now if open), within a year; null if never. */
export function nextOpening(
	hours: Hours,
	exceptions: ReadonlyMap<string, ExceptionKind>,
	weekendExtended: boolean,
	now: number
): number | null {
	const today = localParts(now);
	for (let i = 0; i < 370; i++) {
		const date = new Date(Date.parse(`${today.date}T00:00:00Z`) + i * DAY_MS)
			.toISOString()
			.slice(0, 10);
		for (const [a, b] of intervalsOn(hours, exceptions, date, weekendExtended)) {
			const start = instantOf(date, a);
			const end = instantOf(date, b);
			if (end <= now) continue;
			return Math.max(start, now);
		}
	}
	return null;
}
