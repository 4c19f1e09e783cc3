import { figuresOf } from '../metrics/metrics';
import { qualityFiguresOf } from '../metrics/quality';
import { SUM_KEYS, type Sums } from './queries';

/** One unit's figures for a period (the API's summary row without its id and name). */
export interface Figures {
	offered: number;
	answered: number;
	abandoned: number;
	handled: number;
	rated: number;
	activeRatingRate: number | null;
	goodRate: number | null;
	bad: number;
	replyRate: number | null;
	rectificationRate: number | null;
	callbackRate: number | null;
	callbackSatisfaction: number | null;
	asaSeconds: number | null;
	serviceLevel: number | null;
	abandonRate: number | null;
	ahtSeconds: number | null;
	boothCalls: number;
}

/** Zero sums. */
export const noSums = (): Sums =>
	Object.fromEntries(SUM_KEYS.map((k) => [k, 0])) as unknown as Sums;

/** Adds sums into `into`. */
export function addSums(into: Sums, s: Sums): Sums {
	for (const k of SUM_KEYS) into[k] += s[k];
	return into;
}

/** The figures of sums, through the one metrics module (service figures and quality figures). */
export function figuresOfSums(s: Sums, goodIncludes3: boolean): Figures {
	const service = figuresOf({
		offered: s.offered,
		answered: s.answered,
		abandoned: s.abandoned,
		shortAbandoned: s.shortAbandoned,
		answeredWithinThreshold: s.withinT,
		waitMs: s.waitMs,
		handled: s.handled,
		handleMs: s.handleMs
	});
	const q = qualityFiguresOf(s, goodIncludes3);
	return {
		offered: s.offered,
		answered: s.answered,
		abandoned: s.abandoned,
		handled: s.handled,
		rated: s.rated,
		activeRatingRate: q.activeRatingRate,
		goodRate: q.goodRate,
		bad: q.bad,
		replyRate: q.replyRate,
		rectificationRate: q.rectificationRate,
		callbackRate: q.callbackRate,
		callbackSatisfaction: q.callbackSatisfaction,
		asaSeconds: service.averageSpeedOfAnswer,
		serviceLevel: service.serviceLevel,
		abandonRate: service.abandonmentRate,
		ahtSeconds: service.averageHandleTime,
		boothCalls: s.boothCalls
	};
}
