import { describe, expect, it } from 'vitest';
import { figuresOfSums, noSums } from './figures';
import { componentsOf, rank, scoreOf, type RankInput } from './ranking';

const unit = (id: number, s: Partial<ReturnType<typeof noSums>>): RankInput => ({
	id,
	name: `单位${id}`,
	figures: figuresOfSums({ ...noSums(), ...s }, false)
});
const W: [number, number, number, number] = [40, 30, 20, 10];

describe('the quarterly ranking', () => {
	it('scores the four components with the weights', () => {
		// good 9/10, 1 of 2 bad ratings rectified, 10 of 20 handled rated, both called back
		const u = unit(1, {
			handled: 20,
			rated: 10,
			score5: 6,
			score4: 3,
			bad: 2,
			rectified: 1,
			calledBack: 2
		});
		const c = componentsOf(u.figures);
		expect(c).toEqual({ serviceQuality: 0.9, rectification: 0.5, activeRating: 0.5, coverage: 1 });
		// (40×0.9 + 30×0.5 + 20×0.5 + 10×1) ÷ 100 = 0.71
		expect(scoreOf(c, W)).toBe(71);
	});

	it('counts rectification and coverage as complete when there was no bad rating', () => {
		const c = componentsOf(unit(1, { handled: 4, rated: 2, score5: 2 }).figures);
		expect(c).toMatchObject({ rectification: 1, coverage: 1 });
	});

	it('ranks by score and breaks ties by service quality, then ratings, then cases handled, then id', () => {
		const rows = rank(
			[
				// 40×0.5 + 30 + 20×1 + 10 = 80
				unit(5, { handled: 10, rated: 10, score5: 5 }),
				// 40×0.75 + 30 + 20×0.5 + 10 = 80: the same score, better service quality
				unit(6, { handled: 8, rated: 4, score5: 3 }),
				// the same figures as 7 with more ratings
				unit(7, { handled: 20, rated: 20, score5: 20 }),
				unit(8, { handled: 10, rated: 10, score5: 10 }),
				// identical to 8: the lower id first
				unit(9, { handled: 10, rated: 10, score5: 10 }),
				// nothing handled: not ranked
				unit(10, {})
			],
			W
		);
		expect(rows.map((r) => [r.rank, r.id, r.score])).toEqual([
			[1, 7, 100],
			[2, 8, 100],
			[3, 9, 100],
			[4, 6, 80],
			[5, 5, 80]
		]);
	});
});
