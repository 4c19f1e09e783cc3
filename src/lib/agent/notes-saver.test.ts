import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesSaver, type SaveStatus } from './notes-saver';

describe('notes autosave', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('saves once typing pauses, with the latest text only', async () => {
		const saved: string[] = [];
		const statuses: SaveStatus[] = [];
		const s = new NotesSaver('', {
			save: async (t) => void saved.push(t),
			onStatus: (x) => statuses.push(x),
			debounceMs: 500
		});
		s.change('a');
		await vi.advanceTimersByTimeAsync(200);
		s.change('ab');
		await vi.advanceTimersByTimeAsync(200);
		s.change('abc');
		expect(saved).toEqual([]);
		await vi.advanceTimersByTimeAsync(600);
		expect(saved).toEqual(['abc']);
		expect(statuses).toEqual(['saving', 'saved']);
		expect(s.dirty).toBe(false);
	});

	it('saves a change made during a save right after it, never two at once', async () => {
		const saved: string[] = [];
		let release!: () => void;
		let inFlight = 0;
		let maxInFlight = 0;
		const s = new NotesSaver('', {
			save: (t) =>
				new Promise<void>((r) => {
					inFlight++;
					maxInFlight = Math.max(maxInFlight, inFlight);
					release = () => {
						inFlight--;
						saved.push(t);
						r();
					};
				}),
			onStatus: () => {},
			debounceMs: 100
		});
		s.change('first');
		await vi.advanceTimersByTimeAsync(150);
		s.change('second');
		await vi.advanceTimersByTimeAsync(150);
		release();
		await vi.advanceTimersByTimeAsync(0);
		release();
		await vi.advanceTimersByTimeAsync(0);
		expect(saved).toEqual(['first', 'second']);
		expect(maxInFlight).toBe(1);
	});

	it('reports a failed save and retries until it is stored', async () => {
		let fail = true;
		const statuses: SaveStatus[] = [];
		const s = new NotesSaver('', {
			save: async () => {
				if (fail) throw new Error('offline');
			},
			onStatus: (x) => statuses.push(x),
			debounceMs: 100,
			retryMs: 1000
		});
		s.change('x');
		await vi.advanceTimersByTimeAsync(150);
		expect(statuses.at(-1)).toBe('failed');
		fail = false;
		await vi.advanceTimersByTimeAsync(1100);
		expect(statuses.at(-1)).toBe('saved');
		expect(s.dirty).toBe(false);
	});
});
