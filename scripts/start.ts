import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { config, ConfigError } from '../src/lib/server/config';
import { DEMO_PASSWORD } from '../src/lib/server/seed/seed';
import { buildIfStale } from './lib/build';
import { checkRedis, prepareDatabase } from './lib/prepare';
import { startRedis, type EmbeddedRedis } from './lib/redis-server';
import { printReady } from './lib/banner';
import { webNodeArgs, webProcessEnv } from './lib/console';
import { nodeProcess, Supervisor } from './lib/supervise';

/**
 * `npm start`: provisions Redis if needed, migrates and seeds, builds, runs web + worker. A web,
 * worker or private Redis that dies is started again (see scripts/lib/supervise.ts); Ctrl-C stops
 * them all.
 */
const TSX_LOADER = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
const log = (l: string) => console.log(`[console] ${l}`);
const supervisor = new Supervisor((l) => console.error(`[console] ${l}`));
let redis: EmbeddedRedis | undefined;
let stopping = false;
let stopped: Promise<void> | undefined;

/** Stops web, worker and the private Redis once, however many times it is asked; then exits. */
async function shutdown(code: number): Promise<never> {
	stopping = true;
	stopped ??= (async () => {
		await supervisor.stop(['web', 'worker']);
		await supervisor.stop();
		await redis?.stop();
	})();
	await stopped;
	process.exit(code);
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
		const dir = path.join(cfg.dataDir, 'redis');
		redis = await startRedis(dir, log);
		const port = redis.port;
		redisUrl = redis.url;
		log(`Redis (private, port ${port}, data in ${dir})`);
		// A private Redis that dies comes back on its port with its append-only data.
		let first: EmbeddedRedis | undefined = redis;
		await supervisor.add({
			name: 'redis',
			start: async () => {
				redis = first ?? (await startRedis(dir, () => {}, port));
				first = undefined;
				return redis.child;
			}
		});
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
	const web = { SHUTDOWN_TIMEOUT: '3', ...env, ...webProcessEnv(env), CONSOLE_PROCESS: 'web' };
	const webArgs = webNodeArgs(env);
	await supervisor.add({
		name: 'web',
		start: () => nodeProcess([...webArgs, path.resolve('build/index.js')], web)
	});
	const worker = { ...env, CONSOLE_PROCESS: 'worker' };
	await supervisor.add({
		name: 'worker',
		start: () =>
			// tsx as a loader, not its CLI: a signal reaches the worker itself, not a relay that may
			// SIGKILL a worker slow to answer it
			nodeProcess(['--import', TSX_LOADER, path.resolve('src/worker.ts')], worker)
	});
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
