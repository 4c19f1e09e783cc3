import type { CallHistory } from '../metrics/metrics';

/** One sample of the number of callers waiting. */
export interface WaitingSample {
	at: number;
	waiting: number;
}

const WAIT_ENDS = new Set(['connected', 'abandoned', 'ended']);

/** When a call stopped waiting for its first answer (connected, left or closed), or null. */
function waitEnd(h: CallHistory): number | null {
	return h.steps.find((s) => WAIT_ENDS.has(s.type))?.at ?? null;
}

/**
 * Callers waiting for a first answer, sampled once a minute over the last `minutes` minutes,
 * the last sample at `now`: a call waits from its arrival until it is first connected, its
 * caller leaves or it is closed.
 */
export function waitingByMinute(
	histories: CallHistory[],
	now: number,
	minutes = 60
): WaitingSample[] {
	const spans = histories.map((h) => ({ from: h.arrivedAt, to: waitEnd(h) ?? Infinity }));
	return Array.from({ length: minutes }, (_, i) => {
		const at = now - (minutes - 1 - i) * 60_000;
		return { at, waiting: spans.filter((s) => s.from <= at && at < s.to).length };
	});
}
