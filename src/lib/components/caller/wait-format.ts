/**
 * A wait range in whole minutes for the caller: the low end rounded down and the high end up,
 * so the minutes shown always hold the range the console worked out.
 */
export function rangeMinutes(
	lowSeconds: number | null,
	highSeconds: number | null
): { low: number; high: number } | null {
	if (lowSeconds === null || highSeconds === null) return null;
	const low = Math.floor(lowSeconds / 60);
	return { low, high: Math.max(low + 1, Math.ceil(highSeconds / 60)) };
}

/** Time waited as m:ss, or h:mm:ss past an hour. */
export function elapsedText(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const ss = String(s % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
