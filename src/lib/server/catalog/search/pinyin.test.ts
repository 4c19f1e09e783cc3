import { describe, expect, it } from 'vitest';
import { pinyinSimilarity, syllables } from './pinyin';

const pension = syllables('企业职工基本养老金申领');

describe('reading typed letters as pinyin', () => {
	it('gives each character its syllable, ü as v', () => {
		expect(syllables('养老金')).toEqual(['yang', 'lao', 'jin']);
		expect(syllables('绿色')).toEqual(['lv', 'se']);
	});

	it('scores full pinyin above initials, and initials above one slip per syllable', () => {
		const full = pinyinSimilarity('yanglaojin', pension);
		const initials = pinyinSimilarity('ylj', pension);
		const slip = pinyinSimilarity('yanglaojing', pension);
		expect(full).toBe(1);
		expect(initials).toBeGreaterThan(0.7);
		expect(initials).toBeLessThan(full);
		expect(slip).toBeGreaterThan(0.5);
		expect(slip).toBeLessThan(full);
	});

	it('reads mixed full syllables and initials, and skips a syllable inside the run at a cost', () => {
		expect(pinyinSimilarity('yanglj', pension)).toBeGreaterThan(0.8);
		const card = syllables('社会保障卡');
		expect(pinyinSimilarity('sbk', card)).toBeGreaterThan(0.3);
		expect(pinyinSimilarity('sbk', card)).toBeLessThan(pinyinSimilarity('shbzk', card));
	});

	it('finds nothing when the letters spell no run of the syllables', () => {
		expect(pinyinSimilarity('huzhao', pension)).toBe(0);
		expect(pinyinSimilarity('qqq', pension)).toBe(0);
		expect(pinyinSimilarity('', pension)).toBe(0);
	});
});
