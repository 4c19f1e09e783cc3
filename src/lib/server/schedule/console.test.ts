import { describe, expect, it } from 'vitest';
import { nextDatesOn, parseIntervals, showIntervals } from './console';

describe('the forms’ hours', () => {
	it('reads intervals as a scheduler types them', () => {
		expect(parseIntervals('9:00-12:00, 13:00–17:00')).toEqual([
			['09:00', '12:00'],
			['13:00', '17:00']
		]);
		expect(parseIntervals('09:00~21:00；')).toEqual([['09:00', '21:00']]);
		expect(parseIntervals('')).toEqual([]);
		expect(
			showIntervals([
				['09:00', '12:00'],
				['13:00', '24:00']
			])
		).toBe('09:00-12:00, 13:00-24:00');
	});

	it('refuses what is not an interval, saying which', () => {
		expect(() => parseIntervals('9-12', 'mon')).toThrow(/mon: "9-12"/);
		expect(() => parseIntervals('25:00-26:00')).toThrow(/not a time of day/);
	});

	it('lists a session’s coming dates on its weekday', () => {
		// 2026-12-01 is a Tuesday.
		expect(nextDatesOn(6, '2026-12-01', 3)).toEqual(['2026-12-05', '2026-12-12', '2026-12-19']);
		expect(nextDatesOn(2, '2026-12-01', 1)).toEqual(['2026-12-01']);
	});
});
