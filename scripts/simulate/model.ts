/**
 * The simulated district: when callers arrive (by hour of day), what they come for (the matter
 * mix in the catalogue's proportions), how long they wait before giving up, how agents answer,
 * talk, wrap up and take breaks. Times are in simulated seconds.
 */

/** Arrivals per hour relative to the day's mean, by Asia/Shanghai hour (the hall's day). */
export const HOURLY_PROFILE: Record<number, number> = {
	8: 0.3,
	9: 1.2,
	10: 1.4,
	11: 1.2,
	12: 0.5,
	13: 0.8,
	14: 1.3,
	15: 1.4,
	16: 1.1,
	17: 0.4
};

/** Spoken languages of callers in the district (share of calls). */
export const LANGUAGES: [string, number][] = [
	['zh', 0.8],
	['yue', 0.17],
	['en', 0.03]
];

/** Share of callers aged 50+ (elderly lane) and of phone callers who vanish without leaving. */
export const ELDERLY_SHARE = 0.15;
export const VANISH_SHARE = 0.02;
/** Mean patience of a waiting caller before leaving, and the least anyone waits. */
export const PATIENCE_MEAN_S = 900;
export const PATIENCE_MIN_S = 45;
/** An agent answers an offer after this many seconds (uniform), and lets one pass this often. */
export const ANSWER_S: [number, number] = [2, 8];
export const MISS_SHARE = 0.03;
/** Talk time: log-normal around each department's mean, with this coefficient of variation. */
export const TALK_CV = 0.5;
export const WRAP_S: [number, number] = [20, 60];
/** After a call, an agent takes a break this often, for this long (uniform). */
export const BREAK_SHARE = 0.05;
export const BREAK_S: [number, number] = [300, 900];

/** A seeded PRNG (mulberry32): the same run for the same seed. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Draws from weighted items. */
export function pick<T>(rand: () => number, items: [T, number][]): T {
	const total = items.reduce((s, [, w]) => s + w, 0);
	let x = rand() * total;
	for (const [v, w] of items) if ((x -= w) <= 0) return v;
	return items[items.length - 1]![0];
}

export function uniform(rand: () => number, [lo, hi]: [number, number]): number {
	return lo + rand() * (hi - lo);
}

export function exponential(rand: () => number, mean: number): number {
	return -Math.log(1 - rand()) * mean;
}

/** Log-normal with this mean and coefficient of variation. */
export function logNormal(rand: () => number, mean: number, cv: number): number {
	const s2 = Math.log(1 + cv * cv);
	const mu = Math.log(mean) - s2 / 2;
	// Box–Muller
	const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
	return Math.exp(mu + Math.sqrt(s2) * z);
}

/** A department's mean talk time: 4 to 9 minutes, fixed per department for a seed. */
export function talkMeanOf(departmentId: number): number {
	return 240 + ((departmentId * 97) % 6) * 60;
}

/**
 * Callers per simulated hour at the day's mean, so that at the busiest hour the seats are
 * about `load` busy: seats × working share × 3600 ÷ (talk + wrap) ÷ the busiest hour's factor.
 */
export function meanArrivalsPerHour(agents: number, meanHandleS: number, load = 0.9): number {
	const peak = Math.max(...Object.values(HOURLY_PROFILE));
	return (load * agents * 0.9 * 3600) / meanHandleS / peak;
}

/** The profile's factor at a simulated instant (ms) in Asia/Shanghai. */
export function hourFactor(simMs: number): number {
	const h = new Date(simMs + 8 * 3_600_000).getUTCHours();
	return HOURLY_PROFILE[h] ?? 0.2;
}

/** The median of a sample (NaN when empty). */
export function median(xs: number[]): number {
	if (!xs.length) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
