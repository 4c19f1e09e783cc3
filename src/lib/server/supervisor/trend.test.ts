import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallHistory } from '../metrics/metrics';
import { waitingByMinute } from './trend';

const NOW = Date.parse('2026-03-02T10:00:00+08:00');
const MIN = 60_000;
const call = (id: string, arrived: number, steps: [string, number][] = []): CallHistory => ({
	callId: id,
	departmentId: 1,
	arrivedAt: NOW + arrived * MIN,
	steps: [['created', arrived] as [string, number], ...steps].map(([type, at]) => ({
		type,
		at: NOW + at * MIN
	}))
});

describe('waitingByMinute', () => {
	it('samples one value a minute, the last one now', () => {
		const s = waitingByMinute([], NOW, 60);
		expect(s).toHaveLength(60);
		expect(s.at(-1)).toEqual({ at: NOW, waiting: 0 });
		expect(s[0]!.at).toBe(NOW - 59 * MIN);
	});

	it('counts a call from its arrival until it is answered, left or closed', () => {
		const s = waitingByMinute(
			[
				call('answered', -30, [
					['offered', -25],
					['connected', -20]
				]),
				call('left', -10, [['abandoned', -5]]),
				call('still', -3),
				call('closed', -50, [['ended', -40]])
			],
			NOW,
			60
		);
		const at = (m: number) => s.find((x) => x.at === NOW + m * MIN)!.waiting;
		expect(at(-45)).toBe(1); // closed
		expect(at(-30)).toBe(1); // answered, arriving
		expect(at(-21)).toBe(1);
		expect(at(-20)).toBe(0); // answered now: no longer waiting
		expect(at(-7)).toBe(1); // left
		expect(at(-3)).toBe(1); // still
		expect(at(0)).toBe(1);
	});

	it('counts a call waiting since before the window in every sample', () => {
		const s = waitingByMinute([call('old', -120)], NOW, 60);
		expect(s.every((x) => x.waiting === 1)).toBe(true);
	});

	it('counts, at every sample, exactly the calls whose wait spans it', () => {
		const step = fc.record({
			type: fc.constantFrom('offered', 'connected', 'abandoned', 'ended', 'queued'),
			at: fc.integer({ min: -130, max: 5 })
		});
		const history = fc.record({
			arrived: fc.integer({ min: -130, max: 5 }),
			steps: fc.array(step, { maxLength: 4 })
		});
		fc.assert(
			fc.property(fc.array(history, { maxLength: 30 }), (hs) => {
				const calls = hs.map((h, i) =>
					call(
						`c${i}`,
						h.arrived,
						h.steps
							.map((s) => [s.type, Math.max(h.arrived, s.at)] as [string, number])
							.sort((a, b) => a[1] - b[1])
					)
				);
				const ends = new Set(['connected', 'abandoned', 'ended']);
				for (const sample of waitingByMinute(calls, NOW, 60)) {
					const expected = calls.filter((c) => {
						const end = c.steps.find((s) => ends.has(s.type))?.at ?? Infinity;
						return c.arrivedAt <= sample.at && sample.at < end;
					}).length;
					expect(sample.waiting).toBe(expected);
				}
			})
		);
	});
});
