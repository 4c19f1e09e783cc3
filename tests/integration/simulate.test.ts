import { spawn } from 'node:child_process';
import path from 'node:path';
import { inject, describe, expect, it } from 'vitest';

const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');

/** Runs `npm run simulate` with these options; resolves with its output lines. */
function simulate(args: string[]): Promise<{ code: number | null; lines: string[] }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [tsx, 'scripts/simulate.ts', ...args], {
			env: { ...process.env, LOG_LEVEL: 'silent' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('exit', (code) =>
			resolve({ code, lines: out.split('\n').filter((l) => l.trim() !== '') })
		);
	});
}

describe('npm run simulate', () => {
	it('drives a console of its own and ends with the machine-readable line', async () => {
		const { code, lines } = await simulate([
			'--no-web',
			'--agents',
			'12',
			'--booths',
			'6',
			'--minutes',
			'3',
			'--speed',
			'60',
			'--drain',
			'2',
			'--dir',
			path.join(inject('tmpDir'), 'simulate')
		]);
		expect(code, lines.join('\n')).toBe(0);
		const last = lines.at(-1)!;
		const m =
			/^simulate served=(\d+) abandoned=(\d+) service_level=(\d\.\d{3}|nan) within_range=(\d\.\d{3}|nan) estimate_mae_s=(\d+\.\d|nan)$/.exec(
				last
			);
		expect(m, last).not.toBeNull();
		expect(Number(m![1])).toBeGreaterThan(0);
		expect(lines.some((l) => l.startsWith('served'))).toBe(true);
	});
});
