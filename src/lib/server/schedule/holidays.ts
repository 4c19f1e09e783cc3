/**
 * The year's public holidays and make-up working days (调休), from the `chinese-days` data
 * package (the State Council notices) or an uploaded ICS or JSON file: parsed into a preview the
 * scheduler confirms before anything is stored.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { badRequest } from '../errors';
import type { ImportDay } from './edit';
import { weekdayOf } from './plan';

type Table = Record<string, string>;
const table = data as { holidays: Table; workdays: Table; inLieuDays: Table };

const nameOf = (raw: string) => {
	const [en, zh] = raw.split(',');
	return zh ? `${zh} ${en}` : raw;
};

/** Years the package has data for. */
export function packageYears(): number[] {
	return [...new Set(Object.keys(table.holidays).map((d) => Number(d.slice(0, 4))))].sort();
}

/**
 * A year's days from the package. A make-up day follows the weekday it replaces: the n-th
 * make-up day of a festival pairs with the n-th weekday that festival moved into the holiday.
 */
export function fromPackage(year: number): ImportDay[] {
	const inYear = (t: Table) =>
		Object.entries(t)
			.filter(([d]) => d.startsWith(`${year}-`))
			.sort(([a], [b]) => a.localeCompare(b));
	const holidays = inYear(table.holidays);
	if (!holidays.length)
		throw badRequest(
			`the holiday package has no data for ${year} yet: upload the year's ICS or JSON file`,
			'no_data_for_year'
		);
	const lieu = new Map<string, string[]>();
	for (const [d, n] of inYear(table.inLieuDays)) lieu.set(n, [...(lieu.get(n) ?? []), d]);
	const out: ImportDay[] = holidays.map(([date, n]) => ({
		date,
		kind: 'holiday',
		note: nameOf(n),
		weekday: null
	}));
	const seen = new Map<string, number>();
	for (const [date, n] of inYear(table.workdays)) {
		const i = seen.get(n) ?? 0;
		seen.set(n, i + 1);
		const replaced = lieu.get(n)?.[i];
		out.push({
			date,
			kind: 'workday',
			note: nameOf(n),
			weekday: replaced ? weekdayOf(replaced) : 1
		});
	}
	return out.sort((a, b) => a.date.localeCompare(b.date));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An uploaded file: JSON `[{"date","kind":"holiday"|"workday","note"?,"weekday"?}]` or
 * `{"holidays":{date:name},"workdays":{date:name}}`, or an ICS calendar whose events are named
 * with 休 (holiday) or 班 (make-up day).
 */
export function fromFile(text: string): ImportDay[] {
	const t = text.trim();
	let out: ImportDay[];
	if (t.startsWith('BEGIN:VCALENDAR')) out = fromIcs(t);
	else {
		let json: unknown;
		try {
			json = JSON.parse(t);
		} catch {
			throw badRequest('the file is neither ICS nor JSON', 'invalid_file');
		}
		out = fromJson(json);
	}
	if (!out.length) throw badRequest('the file lists no holidays or make-up days', 'invalid_file');
	return out.sort((a, b) => a.date.localeCompare(b.date));
}

function fromJson(json: unknown): ImportDay[] {
	const rows: ImportDay[] = [];
	if (Array.isArray(json)) {
		for (const r of json as Record<string, unknown>[]) {
			const date = String(r?.date ?? '');
			const kind = r?.kind;
			if (!DATE.test(date) || (kind !== 'holiday' && kind !== 'workday'))
				throw badRequest(`bad entry ${JSON.stringify(r).slice(0, 80)}`, 'invalid_file');
			const wd =
				typeof r.weekday === 'number' && r.weekday >= 0 && r.weekday <= 6 ? r.weekday : null;
			rows.push({
				date,
				kind,
				note: typeof r.note === 'string' ? r.note.slice(0, 80) : null,
				weekday: kind === 'workday' ? (wd ?? 1) : null
			});
		}
		return rows;
	}
	const o = json as { holidays?: Table; workdays?: Table };
	if (!o || typeof o !== 'object' || (!o.holidays && !o.workdays))
		throw badRequest('unrecognised JSON layout', 'invalid_file');
	for (const [date, n] of Object.entries(o.holidays ?? {}))
		if (DATE.test(date))
			rows.push({ date, kind: 'holiday', note: nameOf(String(n)).slice(0, 80), weekday: null });
	for (const [date, n] of Object.entries(o.workdays ?? {}))
		if (DATE.test(date))
			rows.push({ date, kind: 'workday', note: nameOf(String(n)).slice(0, 80), weekday: 1 });
	return rows;
}

function fromIcs(text: string): ImportDay[] {
	const rows: ImportDay[] = [];
	const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
	let start: string | null = null;
	let end: string | null = null;
	let summary = '';
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') [start, end, summary] = [null, null, ''];
		else if (line.startsWith('DTSTART')) start = line.split(':')[1] ?? null;
		else if (line.startsWith('DTEND')) end = line.split(':')[1] ?? null;
		else if (line.startsWith('SUMMARY')) summary = line.slice(line.indexOf(':') + 1);
		else if (line === 'END:VEVENT' && start) {
			const kind = /班|work/i.test(summary)
				? 'workday'
				: /休|holiday|假/i.test(summary)
					? 'holiday'
					: null;
			if (!kind) continue;
			const iso = (v: string) => `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
			const first = Date.parse(`${iso(start)}T00:00:00Z`);
			// DTEND of an all-day event is exclusive.
			const last = end ? Date.parse(`${iso(end)}T00:00:00Z`) - 86_400_000 : first;
			for (let t = first; t <= Math.max(first, last) && rows.length < 400; t += 86_400_000)
				rows.push({
					date: new Date(t).toISOString().slice(0, 10),
					kind,
					note: summary.slice(0, 80),
					weekday: kind === 'workday' ? 1 : null
				});
		}
	}
	return rows;
}
