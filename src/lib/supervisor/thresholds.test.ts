import { describe, expect, it } from 'vitest';
import { thresholdLevel } from './thresholds';

describe('queue colours', () => {
	it('turn amber, then red, as the longest wait crosses the thresholds', () => {
		const t = { amberSeconds: 60, redSeconds: 180 };
		expect(thresholdLevel(59, t)).toBe('ok');
		expect(thresholdLevel(60, t)).toBe('amber');
		expect(thresholdLevel(179, t)).toBe('amber');
		expect(thresholdLevel(180, t)).toBe('red');
	});
});
