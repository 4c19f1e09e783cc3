import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, expect, test } from './fixtures';

function redisPids(dataDir: string): string[] {
	const r = spawnSync('pgrep', ['-f', `redis-server.*`], { encoding: 'utf8' });
	return r.stdout
		.split('\n')
		.filter(Boolean)
		.filter((pid) => {
			try {
				return (
					fs.readlinkSync(`/proc/${pid}/cwd`).startsWith(dataDir) ||
					fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir)
				);
			} catch {
				return false;
			}
		});
}

test('a second console on another port runs beside the first, and Ctrl-C leaves no redis-server behind', async ({
	request
}) => {
	test.setTimeout(120_000);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-second-'));
	const port = 4300 + Math.floor(Math.random() * 500);
	const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
		env: {
			...process.env,
			PORT: String(port),
			DATA_DIR: dataDir,
			SKIP_DEMO_SEED: '1',
			CONSOLE_ADMIN_PASSWORD: 'second-admin',
			LOG_LEVEL: 'warn'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	await expect.poll(() => out, { timeout: 90_000 }).toContain('is running');
	expect(out).toContain(`http://127.0.0.1:${port}`);
	expect(redisPids(dataDir)).toHaveLength(1);

	// Each console has its own data: the second has no demo agents, the first still does (the
	// one place the e2e tier signs in as a demo account: it is the demo seed under test).
	const second = await request.post(`http://127.0.0.1:${port}/api/v1/auth/login`, {
		data: { username: 'agent01', password: DEMO_PASSWORD }
	});
	expect(second.status()).toBe(401);
	const first = await request.post('/api/v1/auth/login', {
		data: { username: 'agent01', password: DEMO_PASSWORD }
	});
	expect(first.status()).toBe(200);

	child.kill('SIGINT');
	const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
	expect(code).toBe(0);
	expect(redisPids(dataDir)).toHaveLength(0);
	const health = await request.get('/api/v1/health');
	expect(health.status()).toBe(200);
	fs.rmSync(dataDir, { recursive: true, force: true });
});
