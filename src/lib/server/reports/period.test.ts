import { describe, expect, it } from 'vitest';
import { periodAround } from './page';
import { daysIn, quarterDays, quarterOf } from './period';

describe('report periods (Asia/Shanghai days)', () => {
	it('runs a week from Monday to Sunday, a month and a quarter to their last day', () => {
		// 2026-12-02 is a Wednesday
		expect(periodAround('week', '2026-12-02')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
		expect(periodAround('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
		expect(periodAround('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
		expect(periodAround('quarter', '2026-12-02')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
		expect(periodAround('day', '2026-05-01')).toEqual({ from: '2026-05-01', to: '2026-05-01' });
	});

	it('names quarters and counts their days', () => {
		expect(quarterOf('2026-03-31')).toBe('2026Q1');
		expect(quarterOf('2026-04-01')).toBe('2026Q2');
		expect(quarterDays('2026Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
		expect(daysIn(quarterDays('2024Q1'))).toBe(91);
	});
});
