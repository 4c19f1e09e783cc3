import { describe, expect, it } from 'vitest';
import { fromFile, fromPackage, packageYears } from './holidays';

describe('holiday import', () => {
	it('reads 2026 from the package, a make-up day following the weekday it replaces', () => {
		expect(packageYears()).toContain(2026);
		const days = fromPackage(2026);
		expect(days.find((d) => d.date === '2026-10-01')).toMatchObject({ kind: 'holiday' });
		// Sunday 4 January 2026 is worked in place of Friday 2 January.
		expect(days.find((d) => d.date === '2026-01-04')).toMatchObject({
			kind: 'workday',
			weekday: 5
		});
	});

	it('tells a year the package does not cover yet', () => {
		expect(() => fromPackage(2099)).toThrow(/no data for 2099/);
	});

	it('reads an ICS file of all-day events named 休 and 班', () => {
		const ics = [
			'BEGIN:VCALENDAR',
			'BEGIN:VEVENT',
			'DTSTART;VALUE=DATE:20270101',
			'DTEND;VALUE=DATE:20270104',
			'SUMMARY:元旦 休',
			'END:VEVENT',
			'BEGIN:VEVENT',
			'DTSTART;VALUE=DATE:20270109',
			'DTEND;VALUE=DATE:20270110',
			'SUMMARY:元旦 班',
			'END:VEVENT',
			'END:VCALENDAR'
		].join('\r\n');
		const days = fromFile(ics);
		expect(days.map((d) => [d.date, d.kind])).toEqual([
			['2027-01-01', 'holiday'],
			['2027-01-02', 'holiday'],
			['2027-01-03', 'holiday'],
			['2027-01-09', 'workday']
		]);
	});

	it('reads JSON lists and refuses what it cannot read', () => {
		expect(fromFile('[{"date":"2027-02-06","kind":"workday","weekday":4}]')[0]).toMatchObject({
			weekday: 4
		});
		expect(() => fromFile('hello')).toThrow(/neither ICS nor JSON/);
		expect(() => fromFile('[{"date":"2027-13-01","kind":"x"}]')).toThrow(/bad entry/);
	});
});
