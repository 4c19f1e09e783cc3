import path from 'node:path';
import { config, ConfigError } from '../src/lib/server/config';
import { DEMO_PASSWORD } from '../src/lib/server/seed/seed';
import { buildIfStale } from './lib/build';
import { spawnConsole, waitForWeb, type ConsoleProcesses } from './lib/console';
import { checkRedis, prepareDatabase } from './lib/prepare';
import { startRedis, type EmbeddedRedis } from './lib/redis-server';
import { printReady } from './lib/banner';

/** `npm start`: provisions Redis if needed, migrates and seeds, builds, runs web + worker. */
const log = (l: string) => console.log(`[console] ${l}`);
let redis: EmbeddedRedis | undefined;
let processes: ConsoleProcesses | undefined;
let stopping = false;
let stopped: Promise<void> | undefined;

/** Stops web, worker and the private Redis once, however many times it is asked; then exits. */
async function shutdown(code: number): Promise<never> {
	stopping = true;
	stopped ??= (async () => {
		await processes?.stop();
		await redis?.stop();
	})();
	await stopped;
	process.exit(code);
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
	processes = spawnConsole(
		{
			...process.env,
			ORIGIN: origin,
			REDIS_URL: redisUrl,
			DATABASE_PATH: cfg.databasePath,
			DATA_DIR: cfg.dataDir,
			PORT: String(cfg.PORT),
			HOST: cfg.HOST
		},
		{
			onExit: (name, how) => {
				if (stopping) return;
				console.error(`[console] ${name} stopped unexpectedly (${how}); shutting down.`);
				void shutdown(1);
			}
		}
	);
	await waitForWeb(url, 60_000, () => stopping);
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
