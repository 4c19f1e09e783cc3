import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const PORT = Number(process.env.HTTP_TIER_PORT ?? 4182);
const DATA_DIR = path.resolve('data/http-tier');
export const ADMIN_PASSWORD = 'http-admin-pass';

let child: ChildProcess | undefined;
let output = '';

function status(url: string): Promise<number> {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: 3000 }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(0));
	});
}

/**
 * Starts the built console exactly as `npm start` does (scripts/start.ts: a private Redis, a
 * fresh SQLite file, web + worker; it builds first when the sources changed), with no demo data.
 */
export async function setup(project: TestProject) {
	fs.rmSync(DATA_DIR, { recursive: true, force: true });
	const base = `http://127.0.0.1:${PORT}`;
	if ((await status(`${base}/api/v1/health`)) !== 0)
		throw new Error(`port ${PORT} is taken: set HTTP_TIER_PORT to a free one`);
	child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR,
			CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
			SKIP_DEMO_SEED: '1',
			SERVICE_HOURS: 'always',
			// a booking of the current half hour can be checked in whenever the tier runs
			BOOKING_GRACE_MINUTES: '30',
			LOG_LEVEL: 'silent',
			// Every request comes from 127.0.0.1; the per-address limit is tested in integration.
			MOBILE_CALL_LIMIT: '1000000',
			// Nothing moves on its own during a run: offers, presence and wrap-up wait for the test.
			OFFER_TIMEOUT_SECONDS: '600',
			AGENT_DISCONNECT_SECONDS: '3600',
			WRAP_UP_SECONDS: '0',
			ROUTING_ESCALATION: '3600:department',
			BOOTH_DISINFECT_SECONDS: '0',
			// A queued caller raises a "long wait" alert within a second or two (the ack operation)
			ALERT_WAIT_SECONDS: '1',
			ALERT_SWEEP_SECONDS: '0.5'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const deadline = Date.now() + 300_000;
	while ((await status(`${base}/api/v1/health`)) !== 200) {
		if (child.exitCode !== null) throw new Error(`the console did not start:\n${output}`);
		if (Date.now() > deadline) throw new Error(`the console did not become healthy:\n${output}`);
		await new Promise((r) => setTimeout(r, 300));
	}
	project.provide('baseUrl', base);
	project.provide('databasePath', path.join(DATA_DIR, 'console.db'));
	project.provide('adminPassword', ADMIN_PASSWORD);
}

export async function teardown() {
	if (!child || child.exitCode !== null) return;
	const exited = new Promise((r) => child!.once('exit', r));
	child.kill('SIGTERM');
	await exited;
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		databasePath: string;
		adminPassword: string;
	}
}
