import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { config, ConfigError } from '../src/lib/server/config';
import { DEMO_PASSWORD } from '../src/lib/server/seed/seed';
import { buildIfStale } from './lib/build';
import { checkRedis, prepareDatabase } from './lib/prepare';
import { startRedis, type EmbeddedRedis } from './lib/redis-server';
import { printReady } from './lib/banner';

/** `npm start`: provisions Redis if needed, migrates and seeds, builds, runs web + worker. */
const log = (l: string) => console.log(`[console] ${l}`);
let redis: EmbeddedRedis | undefined;
const children: ChildProcess[] = [];
let stopping = false;
let stopped: Promise<void> | undefined;

/** Stops web, worker and the private Redis once, however many times it is asked; then exits. */
async function shutdown(code: number): Promise<never> {
	stopping = true;
	stopped ??= (async () => {
		for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
		const force = setTimeout(
			() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')),
			10_000
		);
		await Promise.all(
			children.map((c) =>
				c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r))
			)
		);
		clearTimeout(force);
		await redis?.stop();
	})();
	await stopped;
	process.exit(code);
}

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
	const child = spawn(cmd, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
	child.once('exit', (code, signal) => {
		if (stopping) return;
		console.error(
			`[console] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); shutting down.`
		);
		void shutdown(1);
	});
	children.push(child);
	return child;
}

/** The health endpoint's HTTP status, or 0 when nothing answers (node:http: fetch refuses some ports). */
function healthStatus(url: string): Promise<number> {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: 3000 }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(0));
	});
}

async function waitForWeb(url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline && !stopping) {
		if ((await healthStatus(`${url}/api/v1/health`)) === 200) return;
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`the web server did not become healthy at ${url}`);
}

async function main() {
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));
	const cfg = config();
	let redisUrl = cfg.REDIS_URL;
	if (redisUrl) await checkRedis(redisUrl);
	else {
		redis = await startRedis(path.join(cfg.dataDir, 'redis'), log);
		redisUrl = redis.url;
		log(`Redis (private, port ${redis.port}, data in ${path.join(cfg.dataDir, 'redis')})`);
	}
	const prepared = await prepareDatabase(cfg);
	buildIfStale(log);
	const url = `http://${cfg.HOST === '0.0.0.0' ? '127.0.0.1' : cfg.HOST}:${cfg.PORT}`;
	// adapter-node assumes https without ORIGIN: pin the origin so CSRF checks and cookies agree.
	const origin = cfg.ORIGIN ?? url;
	const env = {
		...process.env,
		ORIGIN: origin,
		REDIS_URL: redisUrl,
		DATABASE_PATH: cfg.databasePath,
		DATA_DIR: cfg.dataDir,
		PORT: String(cfg.PORT),
		HOST: cfg.HOST
	};
	// Live SSE streams never finish by themselves: give them 3 s on shutdown, not the default 30.
	run('web', process.execPath, [path.resolve('build/index.js')], {
		SHUTDOWN_TIMEOUT: '3',
		...env,
		CONSOLE_PROCESS: 'web'
	});
	run(
		'worker',
		process.execPath,
		[path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('src/worker.ts')],
		{ ...env, CONSOLE_PROCESS: 'worker' }
	);
	await waitForWeb(url);
	printReady({
		url: origin,
		demo: prepared.demo,
		demoPassword: DEMO_PASSWORD,
		adminPassword: prepared.adminPassword,
		dataDir: cfg.dataDir
	});
}

main().catch(async (e) => {
	console.error(
		`[console] cannot start: ${e instanceof ConfigError ? e.message : e instanceof Error ? e.message : e}`
	);
	await shutdown(1);
});
