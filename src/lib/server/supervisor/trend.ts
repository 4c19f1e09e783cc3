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
	const atOf = (i: number) => now - (minutes - 1 - i) * 60_000;
	// each call adds one to the samples within [arrival, end of wait): a difference array
	const delta = new Array<number>(minutes + 1).fill(0);
	for (const h of histories) {
		const to = waitEnd(h) ?? Infinity;
		const first = Math.max(0, Math.ceil(minutes - 1 - (now - h.arrivedAt) / 60_000));
		if (first >= minutes || atOf(first) >= to) continue;
		// the last sample before the wait ended
		let last = to === Infinity ? minutes - 1 : Math.floor(minutes - 1 - (now - to) / 60_000);
		if (last >= 0 && atOf(last) >= to) last--;
		last = Math.min(minutes - 1, last);
		if (last < first) continue;
		delta[first]!++;
		delta[last + 1]!--;
	}
	let waiting = 0;
	return Array.from({ length: minutes }, (_, i) => {
		waiting += delta[i]!;
		return { at: atOf(i), waiting };
	});
}
