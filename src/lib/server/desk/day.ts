import { shanghaiDay } from '../metrics/metrics';

/** The start of the Asia/Shanghai calendar day holding `now`, as an ISO instant (UTC). */
export function dayStartIso(now: number): string {
	return new Date(shanghaiDay(now).start).toISOString();
}

/** Whole seconds between two ISO instants (null when either is missing or they are out of order). */
export function secondsBetween(from: string | null, to: string | null): number | null {
	if (!from || !to) return null;
	const s = Math.round((Date.parse(to) - Date.parse(from)) / 1000);
	return Number.isFinite(s) && s >= 0 ? s : null;
}

/** Mean of the scores rounded to one decimal, or null when there are none. */
export function averageScore(scores: number[]): number | null {
	if (!scores.length) return null;
	return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
}
