import { localParts } from '../schedule/hours';

/** Periods of the reports, as Asia/Shanghai calendar days (YYYY-MM-DD, inclusive). */
export interface Period {
	from: string;
	to: string;
}

const DAY = 86_400_000;
const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Today's date in Asia/Shanghai. */
export const today = (now: number) => localParts(now).date;

/** Days from `from` to `to`, both counted. */
export const daysIn = (p: Period) => Math.round((utc(p.to) - utc(p.from)) / DAY) + 1;

/** Shifts a date by whole days. */
export const addDays = (d: string, n: number) => iso(utc(d) + n * DAY);

/** A quarter `YYYYQn` as its days. */
export function quarterDays(q: string): Period {
	const year = Number(q.slice(0, 4));
	const n = Number(q.slice(5));
	const from = `${year}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`;
	const next = n === 4 ? `${year + 1}-01-01` : `${year}-${String(n * 3 + 1).padStart(2, '0')}-01`;
	return { from, to: addDays(next, -1) };
}

/** The quarter holding a date. */
export const quarterOf = (d: string) =>
	`${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;

/** Whether a YYYY-MM-DD string names a real date. */
export const isDate = (d: string) => !Number.isNaN(utc(d)) && iso(utc(d)) === d;

/** The days of every date from `from` to `to`. */
export function eachDay(p: Period): string[] {
	const out: string[] = [];
	for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.push(d);
	return out;
}
