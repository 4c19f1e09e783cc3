import { describe, expect, it } from 'vitest';
import {
	gammaQuantile,
	groupHandleSeconds,
	normalQuantile,
	waitRange,
	waitStateOf,
	waitView
} from './wait';

describe('the waiting states', () => {
	it('a call being rung is ringing, whatever the seats', () => {
		expect(waitStateOf('offered', { online: 1, onBreak: 0 })).toBe('ringing');
		expect(waitStateOf('offered', { online: 0, onBreak: 0 })).toBe('ringing');
	});

	it('no eligible seat online says so, not a position and a minute', () => {
		const v = waitView({
			status: 'queued',
			position: 1,
			seats: { online: 0, onBreak: 0 },
			meanHandleSeconds: 300
		});
		expect(v).toEqual({
			state: 'none_online',
			lowSeconds: null,
			highSeconds: null,
			estimatedWaitSeconds: null
		});
	});

	it('every eligible seat on a break promises no range', () => {
		expect(waitStateOf('queued', { online: 3, onBreak: 3 })).toBe('all_on_break');
		const v = waitView({
			status: 'queued',
			position: 2,
			seats: { online: 3, onBreak: 3 },
			meanHandleSeconds: 300
		});
		expect(v.state).toBe('all_on_break');
		expect(v.lowSeconds).toBeNull();
	});

	it('busy seats give a range that holds the mean', () => {
		const v = waitView({
			status: 'queued',
			position: 3,
			seats: { online: 4, onBreak: 1 },
			meanHandleSeconds: 300
		});
		expect(v.state).toBe('busy');
		// three seats serving, five minutes a call: about one seat free every 100 s
		expect(v.estimatedWaitSeconds).toBe(300);
		expect(v.lowSeconds!).toBeLessThan(300);
		expect(v.highSeconds!).toBeGreaterThan(300);
	});
});

describe('the wait range', () => {
	it('grows with the position and shrinks with more seats', () => {
		const a = waitRange(1, 2, 300);
		const b = waitRange(5, 2, 300);
		const c = waitRange(5, 10, 300);
		expect(b.lowSeconds).toBeGreaterThan(a.lowSeconds);
		expect(b.highSeconds).toBeGreaterThan(a.highSeconds);
		expect(c.highSeconds).toBeLessThan(b.highSeconds);
	});

	it('narrows relative to the mean as the queue grows (more departures average out)', () => {
		const spread = (k: number) => {
			const r = waitRange(k, 3, 300);
			return (r.highSeconds - r.lowSeconds) / r.meanSeconds;
		};
		expect(spread(20)).toBeLessThan(spread(2));
	});

	it('spans 85 waits in 100 of the model it assumes', () => {
		// seats free up as a Poisson stream: the k-th departure is a sum of k exponentials
		let seed = 42;
		const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) + 0.5) / 2 ** 31;
		for (const [k, serving] of [
			[1, 1],
			[3, 2],
			[12, 6]
		] as const) {
			const r = waitRange(k, serving, 240);
			let inside = 0;
			const n = 4000;
			for (let i = 0; i < n; i++) {
				let t = 0;
				for (let j = 0; j < k; j++) t += (-Math.log(rand()) * 240) / serving;
				if (t >= r.lowSeconds && t <= r.highSeconds) inside++;
			}
			expect(inside / n).toBeGreaterThan(0.82);
			expect(inside / n).toBeLessThan(0.88);
		}
	});
});

describe('the quantiles', () => {
	it('match textbook values', () => {
		expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
		expect(normalQuantile(0.1)).toBeCloseTo(-1.281552, 5);
		expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
		// exponential median: θ ln 2
		expect(gammaQuantile(1, 100, 0.5)).toBeCloseTo(69.3147, 3);
		// chi-square with 10 degrees of freedom is Gamma(5, 2): 90 % quantile 15.987
		expect(gammaQuantile(5, 2, 0.9)).toBeCloseTo(15.987, 1);
	});
});

describe('a matter group’s handle time', () => {
	it('is the console-wide figure without history and its own with enough', () => {
		expect(groupHandleSeconds(undefined, 300)).toBe(300);
		expect(groupHandleSeconds({ meanSeconds: 600, calls: 40 }, 300)).toBe(600);
		expect(groupHandleSeconds({ meanSeconds: 600, calls: 10 }, 300)).toBe(450);
	});
});
