import { describe, expect, it } from 'vitest';
import type { WallHour } from '$lib/contracts/supervisor-api';
import {
	callsOption,
	hourLabel,
	minuteLabel,
	serviceLevelOption,
	shownHours,
	WALL_LOOK
} from './charts';

const hour = (h: number, offered = 0, serviceLevel: number | null = null): WallHour => ({
	hour: h,
	offered,
	answered: offered,
	abandoned: 0,
	serviceLevel
});
const day = Array.from({ length: 24 }, (_, h) => hour(h));
const texts = {
	offered: '来电',
	answered: '接通',
	abandoned: '放弃',
	serviceLevel: '服务水平',
	waiting: '排队',
	title: '今日来电'
};

describe('shownHours', () => {
	it('shows 08:00 to now on a quiet day', () => {
		const s = shownHours(day, 11);
		expect(s.map((h) => h.hour)).toEqual([8, 9, 10, 11]);
	});

	it('reaches back to an early call and on to a later one', () => {
		const hours = day.map((h) => (h.hour === 6 ? hour(6, 2) : h.hour === 14 ? hour(14, 1) : h));
		const s = shownHours(hours, 10);
		expect(s[0]!.hour).toBe(6);
		expect(s.at(-1)!.hour).toBe(14);
	});
});

describe('chart options', () => {
	it('labels hours and minutes on the Shanghai clock', () => {
		expect(hourLabel(9)).toBe('09:00');
		expect(minuteLabel('2026-03-02T06:05:00.000Z')).toBe('14:05');
	});

	it('plots offered, answered and abandoned per hour, with a text alternative', () => {
		const o = callsOption([hour(9, 3), hour(10, 5)], texts, WALL_LOOK);
		expect(o.xAxis.data).toEqual(['09:00', '10:00']);
		expect(o.series.map((s) => s.name)).toEqual(['来电', '接通', '放弃']);
		expect(o.series[0]!.data).toEqual([3, 5]);
		expect(o.aria).toEqual({ enabled: true, label: { description: '今日来电' } });
	});

	it('leaves an hour without calls as a gap in the service level, not 0 %', () => {
		const o = serviceLevelOption([hour(9, 2, 0.5), hour(10)], texts, WALL_LOOK);
		expect(o.series[0]!.data).toEqual([50, null]);
	});
});
