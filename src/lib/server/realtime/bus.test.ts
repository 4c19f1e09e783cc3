import { describe, expect, it } from 'vitest';
import { admits, compareIds } from './bus';

describe('event audience', () => {
	it('admits the named user, members of a role, and the caller of the call only', () => {
		expect(admits({ users: [7] }, { userId: 7, roles: ['agent'] })).toBe(true);
		expect(admits({ users: [7] }, { userId: 8, roles: ['agent'] })).toBe(false);
		expect(admits({ roles: ['supervisor'] }, { userId: 8, roles: ['agent'] })).toBe(false);
		expect(admits({ roles: ['supervisor'] }, { userId: 9, roles: ['agent', 'supervisor'] })).toBe(
			true
		);
		expect(admits({ callId: 'c1' }, { callId: 'c1' })).toBe(true);
		expect(admits({ callId: 'c1' }, { callId: 'c2' })).toBe(false);
		expect(admits({ callId: 'c1', roles: ['supervisor'] }, { userId: 1, roles: ['agent'] })).toBe(
			false
		);
	});
});

describe('event order', () => {
	it('orders stream ids by millisecond, then by sequence, as numbers and not as text', () => {
		const sorted = ['999-5', '1000-0', '1796167243939-0', '1796167243939-9', '1796167243939-10'];
		const shuffled = [sorted[3]!, sorted[0]!, sorted[4]!, sorted[2]!, sorted[1]!];
		expect(shuffled.sort(compareIds)).toEqual(sorted);
		expect(compareIds('1796167243939-10', '1796167243939-10')).toBe(0);
		expect(compareIds('1796167243940-0', '1796167243939-99')).toBeGreaterThan(0);
	});
});
