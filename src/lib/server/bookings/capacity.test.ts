import { describe, expect, it } from 'vitest';
import { slotCapacity, slotsIn } from './capacity';

describe('slot capacity', () => {
	it('is rostered seats × slot length ÷ average handle time, rounded down', () => {
		// 3 seats, 30-minute slots, 10 minutes a caller: 9 places
		expect(slotCapacity(3, 30, 600)).toBe(9);
		// 2 seats, 30 minutes, 7 minutes a caller: 60 ÷ 7 = 8.57 → 8 (the 9th would overrun)
		expect(slotCapacity(2, 30, 420)).toBe(8);
		// exactly divisible stays whole despite floating point
		expect(slotCapacity(1, 30, 360)).toBe(5);
	});

	it('no seat, no place', () => {
		expect(slotCapacity(0, 30, 300)).toBe(0);
	});
});

describe('slots of a day', () => {
	it('cuts open intervals into whole slots without straddling the lunch break', () => {
		const day: [number, number][] = [
			[9 * 60, 12 * 60],
			[13 * 60 + 15, 17 * 60]
		];
		const s = slotsIn(day, 30);
		expect(s[0]).toEqual([540, 570]);
		expect(s).toContainEqual([690, 720]);
		expect(s).not.toContainEqual([720, 750]);
		// 13:15–17:00 holds 7 whole half hours (16:45–17:15 would run past closing)
		expect(s.filter(([a]) => a >= 13 * 60)).toHaveLength(7);
		expect(s).toHaveLength(6 + 7);
	});
});
