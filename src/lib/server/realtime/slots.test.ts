import { describe, expect, it } from 'vitest';
import { StreamSlots } from './slots';

describe('stream slots', () => {
	it('holds each key to its maximum, takes all keys or none, and gives slots back once', () => {
		const slots = new StreamSlots();
		const a = slots.claim([
			['user:1', 2],
			['addr:x', 3]
		]);
		const b = slots.claim([
			['user:1', 2],
			['addr:x', 3]
		]);
		expect(a && b).toBeTruthy();
		expect(
			slots.claim([
				['user:1', 2],
				['addr:x', 3]
			])
		).toBeNull();
		// another login on the same address gets the address's last slot
		const c = slots.claim([
			['user:2', 2],
			['addr:x', 3]
		]);
		expect(c).toBeTruthy();
		expect(
			slots.claim([
				['user:3', 2],
				['addr:x', 3]
			])
		).toBeNull();
		expect(slots.count('user:3')).toBe(0);
		a!();
		a!();
		expect(slots.count('user:1')).toBe(1);
		expect(slots.count('addr:x')).toBe(2);
		expect(
			slots.claim([
				['user:1', 2],
				['addr:x', 3]
			])
		).toBeTruthy();
	});
});
