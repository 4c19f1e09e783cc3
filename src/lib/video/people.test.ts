import { describe, expect, it } from 'vitest';
import { officialsIn } from './people';

describe('officialsIn', () => {
	it('names the supervisors who barged in, without their title, and nobody else', () => {
		expect(
			officialsIn([
				{ identity: 'agent-7', name: '陈坐席' },
				{ identity: 'barge-3', name: '值班长 张值班' },
				{ identity: 'interpreter-9', name: '手语老师' },
				{ identity: 'barge-4', name: 'Li' }
			])
		).toEqual(['张值班', 'Li']);
		expect(officialsIn([{ identity: 'caller-x', name: '市民' }])).toEqual([]);
	});
});
