/**
 * What a waiting caller is told, as pure rules: which of the waiting states holds, and the range
 * of the wait while eligible seats are busy. `npm run simulate` measures how often callers are
 * served within the range they were first shown (BENCHMARKS.md, "Simulator").
 */

/**
 * - `ringing`: an eligible seat is free and being rung for this call;
 * - `busy`: eligible seats are online and busy (a position and a range);
 * - `all_on_break`: the eligible seats online are all on a break (no range can be promised);
 * - `none_online`: no eligible seat is online at all.
 */
export type WaitState = 'ringing' | 'busy' | 'all_on_break' | 'none_online';

/** The eligible seats of the call, as the last match counted them. */
export interface EligibleSeats {
	/** Online in any state but offline (breaks included). */
	online: number;
	/** Of those, on a break. */
	onBreak: number;
}

/** What the caller's screen shows while the call waits. */
export interface WaitView {
	state: WaitState;
	/** The low and high ends of the expected wait from now (seconds); null when none is promised. */
	lowSeconds: number | null;
	highSeconds: number | null;
}

/**
 * The quantiles the range spans: by the model the wait falls inside it 85 times in 100. The
 * high end reaches further than the low one: what the model leaves out (callers of a priority
 * lane who arrive later and go first, seats that also serve other matter groups) only ever
 * makes a wait longer, and the simulator's misses are late ones (BENCHMARKS.md, "Simulator").
 */
export const RANGE_LOW_Q = 0.1;
export const RANGE_HIGH_Q = 0.95;

/** Which waiting state holds for a call with this status and these eligible seats. */
export function waitStateOf(status: string, seats: EligibleSeats): WaitState {
	if (status === 'offered') return 'ringing';
	if (seats.online <= 0) return 'none_online';
	if (seats.onBreak >= seats.online) return 'all_on_break';
	return 'busy';
}

/** The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
	if (p <= 0 || p >= 1) throw new RangeError('p must be in (0, 1)');
	const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269];
	const a4 = -30.66479806614716;
	const a5 = 2.506628274631;
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972];
	const b4 = -13.28068155288572;
	const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
	const c4 = 4.374664141464968;
	const c5 = 2.938163982698783;
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const tail = (q: number) =>
		(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c4) * q + c5) /
		((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
	if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
	if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
	const q = p - 0.5;
	const r = q * q;
	return (
		((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a4) * r + a5) * q) /
		(((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b4) * r + 1)
	);
}

/**
 * The p-quantile of a Gamma(k, θ) wait: exact for k = 1 (exponential), Wilson–Hilferty beyond.
 */
export function gammaQuantile(k: number, theta: number, p: number): number {
	if (k <= 1) return -theta * Math.log(1 - p);
	const v = 1 / (9 * k);
	const x = 1 - v + normalQuantile(p) * Math.sqrt(v);
	return k * theta * Math.max(0, x) ** 3;
}

/**
 * The expected wait of the caller at `position` (1 = next) while `serving` eligible seats are
 * busy with calls of mean handle time `meanHandleSeconds`. Seats free up about once every
 * mean ÷ serving seconds, so the wait is the time of the position-th departure: Gamma(position,
 * mean ÷ serving), and the range spans its RANGE_LOW_Q and RANGE_HIGH_Q quantiles.
 */
export function waitRange(
	position: number,
	serving: number,
	meanHandleSeconds: number
): { lowSeconds: number; highSeconds: number; meanSeconds: number } {
	const k = Math.max(1, position);
	const theta = Math.max(1, meanHandleSeconds) / Math.max(1, serving);
	return {
		lowSeconds: Math.floor(gammaQuantile(k, theta, RANGE_LOW_Q)),
		highSeconds: Math.max(1, Math.ceil(gammaQuantile(k, theta, RANGE_HIGH_Q))),
		meanSeconds: Math.round(k * theta)
	};
}

/** What the caller is told: the state, and for busy seats the range (see waitRange). */
export function waitView(input: {
	status: string;
	position: number | null;
	seats: EligibleSeats;
	meanHandleSeconds: number;
}): WaitView & { estimatedWaitSeconds: number | null } {
	const state = waitStateOf(input.status, input.seats);
	if (state !== 'busy' || input.position === null)
		return { state, lowSeconds: null, highSeconds: null, estimatedWaitSeconds: null };
	const r = waitRange(
		input.position,
		input.seats.online - input.seats.onBreak,
		input.meanHandleSeconds
	);
	return {
		state,
		lowSeconds: r.lowSeconds,
		highSeconds: r.highSeconds,
		estimatedWaitSeconds: r.meanSeconds
	};
}

/**
 * A matter group's mean handle time: its own recent calls once there are enough of them
 * (`minCalls`), blended with the console-wide figure before that, so one odd call does not set
 * the estimate.
 */
export function groupHandleSeconds(
	group: { meanSeconds: number; calls: number } | undefined,
	overallSeconds: number,
	minCalls = 20
): number {
	if (!group || group.calls <= 0) return overallSeconds;
	const w = Math.min(1, group.calls / minCalls);
	return w * group.meanSeconds + (1 - w) * overallSeconds;
}
