import { describe, expect, it } from 'vitest';
import type { ExceptionKind } from '../schedule/hours';
import { caseDeadlines } from './deadlines';

const rules = {
	RECTIFY_CONTACT_WORKDAYS: 1,
	RECTIFY_WORKDAYS: 5,
	RECTIFY_WORKDAYS_BY_TRIAGE: 'complex=15'
};
// National Day 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
const calendar = new Map<string, ExceptionKind>([
	...['01', '02', '03', '06', '07', '08'].map((d) => [`2025-10-${d}`, 'holiday'] as const),
	['2025-09-28', 'workday'],
	['2025-10-11', 'workday']
]);

describe('case deadlines in working days', () => {
	it('counts plain weekdays and skips the weekend', () => {
		// Friday 2025-09-12: contact by Monday, rectify by the next Friday.
		expect(caseDeadlines('2025-09-12', rules, new Map())).toEqual({
			contactDueAt: '2025-09-15',
			dueAt: '2025-09-19'
		});
	});

	it('skips a holiday and counts a make-up Sunday', () => {
		// Saturday 27 September: the make-up Sunday 28th is the first working day; then 29, 30,
		// and after the holiday 9 and 10 October.
		expect(caseDeadlines('2025-09-27', rules, calendar)).toEqual({
			contactDueAt: '2025-09-28',
			dueAt: '2025-10-10'
		});
	});

	it('jumps the whole Golden Week and counts the make-up Saturday', () => {
		// Tuesday 30 September: 1–8 October are off; 9, 10, 11 (Saturday, worked), 13, 14.
		expect(caseDeadlines('2025-09-30', rules, calendar)).toEqual({
			contactDueAt: '2025-10-09',
			dueAt: '2025-10-14'
		});
	});

	it('uses the triage kind’s own rule where one is configured', () => {
		const complex = caseDeadlines('2025-09-30', rules, calendar, 'complex');
		const fixNow = caseDeadlines('2025-09-30', rules, calendar, 'fix_now');
		expect(fixNow.dueAt).toBe('2025-10-14');
		// 15 working days: 9,10,11,13,14,15,16,17,20,21,22,23,24,27,28.
		expect(complex.dueAt).toBe('2025-10-28');
	});
});
