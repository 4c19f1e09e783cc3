import { describe, expect, it } from 'vitest';
import { nodeProcess, restartDelayMs, Supervisor } from '../../scripts/lib/supervise';
import { waitFor } from './routing-helpers';

describe('the supervisor of npm start', () => {
	it('waits 1 s, 2 s, 4 s … at most 30 s between restarts of a process that keeps dying', () => {
		expect([1, 2, 3, 4, 5, 6, 7].map(restartDelayMs)).toEqual([
			1000, 2000, 4000, 8000, 16_000, 30_000, 30_000
		]);
	});

	it('restarts a crashing process with growing delays, keeps the others running, and restarts nothing once stopped', async () => {
		const lines: string[] = [];
		const s = new Supervisor((l) => lines.push(l));
		let crashes = 0;
		await s.add({
			name: 'crasher',
			start: () => {
				crashes++;
				return nodeProcess(['-e', 'process.exit(3)'], process.env);
			}
		});
		const steady = await s.add({
			name: 'steady',
			start: () => nodeProcess(['-e', 'setInterval(() => {}, 1000)'], process.env)
		});
		await waitFor(() => crashes >= 4, 'three restarts', 15_000);
		expect(lines.filter((l) => l.includes('stopped unexpectedly')).slice(0, 3)).toEqual([
			'crasher stopped unexpectedly (exit 3); restarting it in 1 s (restart 1), the rest keeps serving',
			'crasher stopped unexpectedly (exit 3); restarting it in 2 s (restart 2), the rest keeps serving',
			'crasher stopped unexpectedly (exit 3); restarting it in 4 s (restart 3), the rest keeps serving'
		]);
		expect(steady.exitCode).toBeNull();
		await s.stop();
		expect(steady.signalCode).toBe('SIGTERM');
		const after = crashes;
		await new Promise((r) => setTimeout(r, 1500));
		expect(crashes).toBe(after);
	}, 30_000);
});
