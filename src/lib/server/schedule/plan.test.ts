import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS, formatShanghai } from './hours';
import {
	dayPlan,
	momentAt,
	scheduleDay,
	bookingOffered,
	type DayException,
	type PlanData,
	type SessionDef
} from './plan';

const at = (s: string) => Date.parse(s);
const weekdays = (list: [string, string][]) => ({
	sun: [],
	mon: list,
	tue: list,
	wed: list,
	thu: list,
	fri: list,
	sat: []
});
const friday: [string, string][] = [['10:00', '15:00']];
const saturday: SessionDef = {
	id: 7,
	name: '周六上午延时服务',
	nameEn: 'Saturday morning',
	weekday: 6,
	intervals: [['09:00', '12:00']],
	active: true,
	matterIds: new Set([1])
};

function data(over: Partial<PlanData> = {}, exceptions: [string, DayException][] = []): PlanData {
	const week = { ...DEFAULT_HOURS.regular, fri: friday };
	return {
		defaultWeek: week,
		weeks: new Map([
			[2, weekdays([['08:30', '12:00']])],
			[3, weekdays([['09:00', '21:00']])]
		]),
		assigned: new Map([
			['department:20', 2],
			['language:ja', 3]
		]),
		sessions: [saturday],
		exceptions: new Map(exceptions),
		...over
	};
}
const matter = { matterId: 1, departmentId: 10 };
// 2026-05-06 Wednesday, 2026-05-08 Friday, 2026-05-09 Saturday, 2026-05-10 Sunday.

describe('the hours of every kind of day', () => {
	it('a regular weekday follows the default schedule', () => {
		expect(dayPlan(data(), '2026-05-06', matter).regular).toEqual([
			[540, 720],
			[780, 1020]
		]);
		expect(momentAt(data(), matter, at('2026-05-06T12:30:00+08:00')).open).toBe(false);
	});

	it('a department assigned another schedule follows it, whatever its booth', () => {
		const m = { matterId: 5, departmentId: 20, townId: 3 };
		expect(momentAt(data(), m, at('2026-05-06T08:45:00+08:00')).open).toBe(true);
		expect(momentAt(data(), m, at('2026-05-06T14:00:00+08:00')).open).toBe(false);
	});

	it('a town assigned a schedule opens its booths by it when the department has none', () => {
		const d = data({ assigned: new Map([['town:3', 2]]) });
		expect(momentAt(d, { ...matter, townId: 3 }, at('2026-05-06T08:45:00+08:00')).open).toBe(true);
		expect(momentAt(d, { ...matter, townId: 4 }, at('2026-05-06T08:45:00+08:00')).open).toBe(false);
	});

	it('a holiday is closed, sessions included, and tells the next opening', () => {
		const d = data({}, [['2026-05-06', { kind: 'holiday', weekday: null, intervals: null }]]);
		const m = momentAt(d, matter, at('2026-05-06T10:00:00+08:00'));
		expect(m.open).toBe(false);
		expect(formatShanghai(m.opensAt!)).toBe('2026-05-07T09:00:00+08:00');
		const sat = data({}, [['2026-05-09', { kind: 'holiday', weekday: null, intervals: null }]]);
		expect(momentAt(sat, matter, at('2026-05-09T10:00:00+08:00')).open).toBe(false);
	});

	it('a make-up day follows the hours of the weekday named for it, not Monday', () => {
		const d = data({}, [['2026-05-10', { kind: 'workday', weekday: 5, intervals: null }]]);
		expect(dayPlan(d, '2026-05-10', matter).regular).toEqual([[600, 900]]);
		expect(momentAt(d, matter, at('2026-05-10T09:30:00+08:00')).open).toBe(false);
		expect(momentAt(d, matter, at('2026-05-10T14:30:00+08:00')).open).toBe(true);
		const monday = data({}, [['2026-05-10', { kind: 'workday', weekday: null, intervals: null }]]);
		expect(momentAt(monday, matter, at('2026-05-10T09:30:00+08:00')).open).toBe(true);
	});

	it('an extended session opens only the matters it covers, and names itself', () => {
		const m = momentAt(data(), matter, at('2026-05-09T10:00:00+08:00'));
		expect(m).toMatchObject({ open: true, session: { id: 7 } });
		const other = momentAt(
			data(),
			{ matterId: 2, departmentId: 10 },
			at('2026-05-09T10:00:00+08:00')
		);
		expect(other.open).toBe(false);
		expect(formatShanghai(other.opensAt!)).toBe('2026-05-11T09:00:00+08:00');
		const off = data({ sessions: [{ ...saturday, active: false }] });
		expect(momentAt(off, matter, at('2026-05-09T10:00:00+08:00')).open).toBe(false);
	});

	it('regular hours need no session on a weekday', () => {
		expect(momentAt(data(), matter, at('2026-05-06T10:00:00+08:00')).session).toBeNull();
	});

	it('language hours narrow the matter: Japanese seats on weekdays only, as long as the matter is open', () => {
		const ja = { ...matter, language: 'ja' };
		const d = data({ defaultWeek: weekdays([['09:00', '21:00']]) });
		expect(momentAt(d, ja, at('2026-05-06T20:00:00+08:00')).open).toBe(true);
		expect(momentAt(d, ja, at('2026-05-06T21:00:00+08:00')).open).toBe(false);
		// Saturday's session serves the matter, but no Japanese seat works on Saturdays.
		expect(momentAt(d, ja, at('2026-05-09T10:00:00+08:00')).open).toBe(false);
		expect(momentAt(d, matter, at('2026-05-09T10:00:00+08:00')).open).toBe(true);
	});

	it("language hours are served by that language schedule's roster; other languages need none", () => {
		const d = data({ defaultWeek: weekdays([['09:00', '21:00']]) });
		const wed = at('2026-05-06T10:00:00+08:00');
		expect(momentAt(d, { ...matter, language: 'ja' }, wed)).toMatchObject({
			open: true,
			languageScheduleId: 3
		});
		expect(momentAt(d, { ...matter, language: 'zh' }, wed)).toMatchObject({
			open: true,
			languageScheduleId: null
		});
		// A make-up Sunday worked as a Wednesday has the Japanese seats' Wednesday hours.
		const sunday = data({ defaultWeek: weekdays([['09:00', '21:00']]) }, [
			['2026-05-10', { kind: 'workday', weekday: 3, intervals: null }]
		]);
		expect(scheduleDay(sunday, 3, '2026-05-10')).toEqual([[540, 1260]]);
		expect(scheduleDay(d, 3, '2026-05-10')).toEqual([]);
	});

	it('a closed afternoon takes hours away; an extra session adds them', () => {
		const d = data({}, [
			['2026-05-06', { kind: 'closed', weekday: null, intervals: [['13:00', '17:00']] }],
			['2026-05-10', { kind: 'extra', weekday: null, intervals: [['10:00', '11:00']] }]
		]);
		expect(dayPlan(d, '2026-05-06', matter).regular).toEqual([[540, 720]]);
		expect(momentAt(d, matter, at('2026-05-10T10:30:00+08:00')).open).toBe(true);
		expect(momentAt(d, matter, at('2026-05-10T11:30:00+08:00')).open).toBe(false);
	});

	it('offers a booking only for a bookable matter found closed', () => {
		expect(bookingOffered({ bookable: true, open: false })).toBe(true);
		expect(bookingOffered({ bookable: true, open: true })).toBe(false);
		expect(bookingOffered({ bookable: false, open: false })).toBe(false);
	});
});
