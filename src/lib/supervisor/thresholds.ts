/** When a queue's longest wait turns amber, then red (seconds). */
export interface Thresholds {
	amberSeconds: number;
	redSeconds: number;
}

/** The colour of a wait: red from the red threshold, amber from the amber one. */
export function thresholdLevel(seconds: number, t: Thresholds): 'ok' | 'amber' | 'red' {
	if (seconds >= t.redSeconds) return 'red';
	return seconds >= t.amberSeconds ? 'amber' : 'ok';
}
