import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS, formatShanghai, isOpen, nextOpening, type ExceptionKind } from './hours';

const none = new Map<string, ExceptionKind>();
// 2026-05-06 is a Wednesday; times below are Asia/Shanghai (+08:00).
const at = (s: string) => Date.parse(s);

describe('service hours', () => {
	it('opens weekdays 09:00–12:00 and 13:00–17:00', () => {
		expect(isOpen(DEFAULT_HOURS, none, false, at('2026-05-06T09:00:00+08:00'))).toBe(true);
		expect(isOpen(DEFAULT_HOURS, none, false, at('2026-05-06T12:30:00+08:00'))).toBe(false);
		expect(isOpen(DEFAULT_HOURS, none, false, at('2026-05-06T16:59:00+08:00'))).toBe(true);
		expect(isOpen(DEFAULT_HOURS, none, false, at('2026-05-06T17:00:00+08:00'))).toBe(false);
	});

	it('opens Saturday morning only for weekend-extended matters', () => {
		const sat = at('2026-05-09T10:00:00+08:00');
		expect(isOpen(DEFAULT_HOURS, none, true, sat)).toBe(true);
		expect(isOpen(DEFAULT_HOURS, none, false, sat)).toBe(false);
	});

	it('closes on holidays and opens make-up workdays with weekday hours', () => {
		const ex = new Map<string, ExceptionKind>([
			['2026-05-06', 'holiday'],
			['2026-05-10', 'workday']
		]);
		expect(isOpen(DEFAULT_HOURS, ex, false, at('2026-05-06T10:00:00+08:00'))).toBe(false);
		expect(isOpen(DEFAULT_HOURS, ex, false, at('2026-05-10T10:00:00+08:00'))).toBe(true);
	});

	it('tells the next opening with the +08:00 offset', () => {
		const lunch = nextOpening(DEFAULT_HOURS, none, false, at('2026-05-06T12:30:00+08:00'));
		expect(formatShanghai(lunch!)).toBe('2026-05-06T13:00:00+08:00');
		const friEvening = nextOpening(DEFAULT_HOURS, none, false, at('2026-05-08T18:00:00+08:00'));
		expect(formatShanghai(friEvening!)).toBe('2026-05-11T09:00:00+08:00');
		const extended = nextOpening(DEFAULT_HOURS, none, true, at('2026-05-08T18:00:00+08:00'));
		expect(formatShanghai(extended!)).toBe('2026-05-09T09:00:00+08:00');
	});

	it('accepts 24:00 as the end of the day', () => {
		const h = {
			...DEFAULT_HOURS,
			regular: { ...DEFAULT_HOURS.regular, sun: [['00:00', '24:00']] as [string, string][] }
		};
		expect(isOpen(h, none, false, at('2026-05-10T23:59:00+08:00'))).toBe(true);
		expect(isOpen(h, none, false, at('2026-05-10T00:00:00+08:00'))).toBe(true);
	});
});
