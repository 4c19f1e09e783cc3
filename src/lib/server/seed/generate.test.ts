import { describe, expect, it } from 'vitest';
import { generatedMatters } from './generate';

describe('demo catalogue generator', () => {
	it('makes over a thousand distinct, bilingual matters, the same every time', () => {
		const a = generatedMatters();
		expect(a.length).toBeGreaterThanOrEqual(1000);
		expect(new Set(a.map((m) => m.name)).size).toBe(a.length);
		expect(a.every((m) => m.name && m.en)).toBe(true);
		expect(generatedMatters()).toEqual(a);
	});
});
