import { describe, expect, it } from 'vitest';
import { figuresOfSums, noSums } from './figures';

/**
 * A hand-computed fixture: 10 calls arrived; 7 answered (5 within T, waits summing to 84 s),
 * 3 abandoned (1 within S); 6 handled with 1,800 s of talk and wrap-up; 5 rated: two 5s, one 4,
 * one 3, one 1 (a bad rating); its case is rectified and fed back, called back, citizen satisfied.
 */
const fixture = {
	...noSums(),
	offered: 10,
	answered: 7,
	abandoned: 3,
	shortAbandoned: 1,
	withinT: 5,
	waitMs: 84_000,
	handled: 6,
	handleMs: 1_800_000,
	rated: 5,
	score5: 2,
	score4: 1,
	score3: 1,
	bad: 1,
	cases: 1,
	rectified: 1,
	fedBack: 1,
	calledBack: 1,
	cbReached: 1,
	cbSatisfied: 1,
	boothCalls: 4
};

describe('the report figures', () => {
	it('computes every figure of the fixture as defined in the README', () => {
		expect(figuresOfSums(fixture, false)).toEqual({
			offered: 10,
			answered: 7,
			abandoned: 3,
			handled: 6,
			rated: 5,
			activeRatingRate: 5 / 6,
			goodRate: 3 / 5,
			bad: 1,
			replyRate: 1,
			rectificationRate: 1,
			callbackRate: 1,
			callbackSatisfaction: 1,
			asaSeconds: 12,
			serviceLevel: 5 / 9,
			abandonRate: 2 / 9,
			ahtSeconds: 300,
			boothCalls: 4
		});
	});

	it('counts a 3 as good when the district says so', () => {
		expect(figuresOfSums(fixture, true).goodRate).toBe(4 / 5);
	});

	it('leaves a figure with nothing to divide by empty, never 0 or 100 %', () => {
		const f = figuresOfSums({ ...noSums(), offered: 1 }, false);
		expect(f).toMatchObject({
			activeRatingRate: null,
			goodRate: null,
			replyRate: null,
			rectificationRate: null,
			callbackRate: null,
			callbackSatisfaction: null,
			asaSeconds: null,
			serviceLevel: null,
			abandonRate: null,
			ahtSeconds: null
		});
	});

	it('counts only the bad ratings whose case reached each milestone', () => {
		const f = figuresOfSums(
			{ ...fixture, bad: 4, rectified: 3, fedBack: 2, calledBack: 2, cbReached: 1, cbSatisfied: 0 },
			false
		);
		expect(f).toMatchObject({
			rectificationRate: 0.75,
			replyRate: 0.5,
			callbackRate: 0.5,
			callbackSatisfaction: 0
		});
	});
});
