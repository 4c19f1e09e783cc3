/**
 * The rating and rectification figures, defined once (README, "Reports"):
 * - active rating rate = calls rated ÷ calls handled;
 * - good rate = ratings of 5 and 4 (and 3 when the district counts it) ÷ ratings;
 * - bad ratings = ratings of 1 and 2, each of which opens a rectification case, less those whose
 *   appeal a reviewer upheld (mistaken or malicious: not counted);
 * - reply rate = rectification cases fed back ÷ bad ratings; rectification rate = cases
 *   rectified ÷ bad ratings; callback rate = cases called back ÷ bad ratings;
 * - callback satisfaction = callbacks where the citizen was satisfied ÷ callbacks that reached them.
 * A figure with nothing to divide by is null, never 0 or 100 %.
 */
export interface QualityTotals {
	handled: number;
	rated: number;
	score5: number;
	score4: number;
	score3: number;
	bad: number;
	rectified: number;
	fedBack: number;
	calledBack: number;
	cbReached: number;
	cbSatisfied: number;
}

export interface QualityFigures {
	activeRatingRate: number | null;
	goodRate: number | null;
	bad: number;
	replyRate: number | null;
	rectificationRate: number | null;
	callbackRate: number | null;
	callbackSatisfaction: number | null;
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** The rating and rectification figures of totals. */
export function qualityFiguresOf(t: QualityTotals, goodIncludes3: boolean): QualityFigures {
	return {
		activeRatingRate: ratio(t.rated, t.handled),
		goodRate: ratio(t.score5 + t.score4 + (goodIncludes3 ? t.score3 : 0), t.rated),
		bad: t.bad,
		replyRate: ratio(t.fedBack, t.bad),
		rectificationRate: ratio(t.rectified, t.bad),
		callbackRate: ratio(t.calledBack, t.bad),
		callbackSatisfaction: ratio(t.cbSatisfied, t.cbReached)
	};
}
