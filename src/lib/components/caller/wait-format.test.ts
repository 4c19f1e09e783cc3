import { describe, expect, it } from 'vitest';
import { elapsedText, rangeMinutes } from './wait-format';

describe('the wait as the caller reads it', () => {
	it('rounds the range outward to whole minutes', () => {
		expect(rangeMinutes(290, 610)).toEqual({ low: 4, high: 11 });
		expect(rangeMinutes(5, 50)).toEqual({ low: 0, high: 1 });
		expect(rangeMinutes(120, 120)).toEqual({ low: 2, high: 3 });
		expect(rangeMinutes(null, null)).toBeNull();
	});

	it('counts the time waited in minutes and seconds', () => {
		expect(elapsedText(0)).toBe('0:00');
		expect(elapsedText(65_400)).toBe('1:05');
		expect(elapsedText(3_725_000)).toBe('1:02:05');
	});
});
