import { describe, expect, it } from 'vitest';
import { admits } from './bus';

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
