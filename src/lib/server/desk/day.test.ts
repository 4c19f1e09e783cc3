import { describe, expect, it } from 'vitest';
import { averageScore, dayStartIso, secondsBetween } from './day';

describe('the agent day (Asia/Shanghai)', () => {
	it('starts at local midnight, which is 16:00 UTC the day before', () => {
		expect(dayStartIso(Date.parse('2025-03-10T09:30:00+08:00'))).toBe('2025-03-09T16:00:00.000Z');
	});
	it('counts a call just after local midnight in the new day', () => {
		expect(dayStartIso(Date.parse('2025-03-10T00:00:01+08:00'))).toBe('2025-03-09T16:00:00.000Z');
		expect(dayStartIso(Date.parse('2025-03-09T23:59:59+08:00'))).toBe('2025-03-08T16:00:00.000Z');
	});
});

describe('call figures', () => {
	it('gives durations in whole seconds, nothing for unfinished or inconsistent times', () => {
		expect(secondsBetween('2025-03-10T01:00:00Z', '2025-03-10T01:04:05.600Z')).toBe(246);
		expect(secondsBetween('2025-03-10T01:00:00Z', null)).toBeNull();
		expect(secondsBetween('2025-03-10T01:00:00Z', '2025-03-10T00:00:00Z')).toBeNull();
	});
	it('averages ratings to one decimal, and has no average without ratings', () => {
		expect(averageScore([5, 4, 4])).toBe(4.3);
		expect(averageScore([])).toBeNull();
	});
});
