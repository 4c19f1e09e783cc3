import type { Figures } from './figures';

/**
 * The quarterly ranking as the district newsletter prints it (README, "Reports"). Each unit that
 * handled at least one call gets four components, each 0..1:
 * - service quality: the good rate (no ratings: 0, quality not shown);
 * - rectification: the rectification rate of its bad ratings (none: 1, nothing to rectify);
 * - active rating: the active rating rate;
 * - coverage: the callback rate of its bad ratings (none: 1).
 * score = 100 × Σ weightᵢ × componentᵢ ÷ Σ weightᵢ, rounded to two decimals. Ties (equal rounded
 * score) are broken by the higher service quality, then more ratings received, then more calls
 * handled, then the lower id; ranks are 1, 2, 3… without gaps or shared places.
 */
export interface Components {
	serviceQuality: number;
	rectification: number;
	activeRating: number;
	coverage: number;
}

export type Weights = [number, number, number, number];

export interface RankInput {
	id: number;
	name: string;
	figures: Figures;
}

export interface RankedRow {
	rank: number;
	id: number;
	name: string;
	score: number;
	components: Components;
	handled: number;
	rated: number;
}

/** The components of a unit's figures. */
export function componentsOf(f: Figures): Components {
	return {
		serviceQuality: f.goodRate ?? 0,
		rectification: f.bad > 0 ? (f.rectificationRate ?? 0) : 1,
		activeRating: f.activeRatingRate ?? 0,
		coverage: f.bad > 0 ? (f.callbackRate ?? 0) : 1
	};
}

/** The composite score of components under weights. */
export function scoreOf(c: Components, w: Weights): number {
	const sum = w[0] + w[1] + w[2] + w[3];
	const raw =
		(w[0] * c.serviceQuality + w[1] * c.rectification + w[2] * c.activeRating + w[3] * c.coverage) /
		sum;
	return Math.round(raw * 10_000) / 100;
}

/** The ranking of units (those that handled nothing are left out). */
export function rank(units: RankInput[], w: Weights): RankedRow[] {
	return units
		.filter((u) => u.figures.handled > 0)
		.map((u) => {
			const components = componentsOf(u.figures);
			return {
				rank: 0,
				id: u.id,
				name: u.name,
				score: scoreOf(components, w),
				components,
				handled: u.figures.handled,
				rated: u.figures.rated
			};
		})
		.sort(
			(a, b) =>
				b.score - a.score ||
				b.components.serviceQuality - a.components.serviceQuality ||
				b.rated - a.rated ||
				b.handled - a.handled ||
				a.id - b.id
		)
		.map((r, i) => ({ ...r, rank: i + 1 }));
}
