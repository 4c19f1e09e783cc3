import { describe, expect, it } from 'vitest';
import type { ExceptionKind } from './hours';
import { addWorkingDays, isWorkingDay } from './workdays';

describe('working days', () => {
	const none = new Map<string, ExceptionKind>();
	it('skips weekends', () => {
		// Friday 2026-05-08 + 1 working day = Monday 2026-05-11
		expect(addWorkingDays('2026-05-08', 1, none)).toBe('2026-05-11');
		expect(addWorkingDays('2026-05-06', 5, none)).toBe('2026-05-13');
		expect(addWorkingDays('2026-05-06', 0, none)).toBe('2026-05-06');
	});

	it('honours holidays and make-up workdays', () => {
		const ex = new Map<string, ExceptionKind>([
			['2026-10-01', 'holiday'],
			['2026-10-02', 'holiday'],
			['2026-10-05', 'holiday'],
			['2026-10-10', 'workday']
		]);
		expect(isWorkingDay('2026-10-10', ex)).toBe(true);
		expect(isWorkingDay('2026-10-01', ex)).toBe(false);
		// Wed 30 Sep + 1 → skips 1, 2 Oct (holidays), 3–4 (weekend), 5 (holiday) → 6 Oct
		expect(addWorkingDays('2026-09-30', 1, ex)).toBe('2026-10-06');
		// from Fri 9 Oct, the make-up Saturday 10 Oct counts
		expect(addWorkingDays('2026-10-09', 1, ex)).toBe('2026-10-10');
	});
});
