/** China keeps one offset all year (no daylight saving): UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The start of the Asia/Shanghai calendar day holding `now`, as an ISO instant (UTC). */
export function dayStartIso(now: number): string {
	const local = now + SHANGHAI_OFFSET_MS;
	return new Date(
		local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - SHANGHAI_OFFSET_MS
	).toISOString();
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
