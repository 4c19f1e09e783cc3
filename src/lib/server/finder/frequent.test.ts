import { describe, expect, it } from 'vitest';
import { pickFrequent } from './frequent';

// matters 1–9 belong to department 1 (company registrations), 20–29 to department 2, 30– to 3
const dept = (id: number) => (id < 20 ? 1 : id < 30 ? 2 : 3);
const counts = (pairs: [number, number][]) => new Map(pairs);

describe('a booth’s 常办事项', () => {
	it('come from its own history when it has enough calls, most asked-for first', () => {
		const booth = counts([
			[21, 20],
			[31, 12],
			[22, 5],
			[23, 4],
			[32, 3]
		]);
		const district = counts([
			[1, 900],
			[2, 800],
			[3, 700],
			[4, 600]
		]);
		const { ids, basis } = pickFrequent(
			[
				{ basis: 'booth', counts: booth },
				{ basis: 'district', counts: district }
			],
			dept,
			5
		);
		expect(basis).toBe('booth');
		// four from the booth, and the district's most asked-for keeps its place
		expect(ids).toEqual([21, 31, 22, 23, 1]);
	});

	it('fall back to the town, then the district, when the booth has too few calls', () => {
		const booth = counts([[21, 3]]);
		const town = counts([
			[32, 40],
			[23, 9]
		]);
		const r = pickFrequent(
			[
				{ basis: 'booth', counts: booth },
				{ basis: 'town', counts: town },
				{ basis: 'district', counts: counts([[1, 5]]) }
			],
			dept,
			3
		);
		expect(r).toEqual({ ids: [32, 23, 1], basis: 'town' });
	});

	it('hold at most three matters of one department, even when the district asks mostly for those', () => {
		const district = counts([
			[1, 900],
			[2, 800],
			[3, 700],
			[4, 600],
			[5, 500],
			[21, 10],
			[31, 9]
		]);
		const { ids, basis } = pickFrequent([{ basis: 'district', counts: district }], dept, 5);
		expect(basis).toBe('district');
		expect(ids).toEqual([1, 2, 3, 21, 31]);
	});

	it('skip matters no longer in the catalogue', () => {
		const r = pickFrequent(
			[
				{
					basis: 'district',
					counts: counts([
						[99, 50],
						[1, 2]
					])
				}
			],
			(id) => (id === 99 ? undefined : 1),
			2
		);
		expect(r.ids).toEqual([1]);
	});
});
