import { Redis } from 'ioredis';
import type { Config } from '../../src/lib/server/config';
import { openDb } from '../../src/lib/server/db';
import {
	ensureAdmin,
	seedCatalogue,
	seedDemo,
	type DemoLogin
} from '../../src/lib/server/seed/seed';

/** Fails with one line when a configured Redis cannot be reached. */
export async function checkRedis(url: string): Promise<void> {
	const r = new Redis(url, {
		lazyConnect: true,
		retryStrategy: () => null,
		maxRetriesPerRequest: 0,
		connectTimeout: 3000,
		enableOfflineQueue: false
	});
	r.on('error', () => {});
	try {
		await r.connect();
		const policy = (await r.config('GET', 'maxmemory-policy')) as string[];
		if (policy[1] && policy[1] !== 'noeviction') {
			console.warn(
				`warning: Redis at ${url} has maxmemory-policy ${policy[1]}; queued calls could be evicted. Set it to noeviction.`
			);
		}
	} catch (e) {
		throw new Error(
			`Redis at ${url} is unreachable (${e instanceof Error ? e.message : e}). Check REDIS_URL, or unset it to use the console's own Redis.`,
			{ cause: e }
		);
	} finally {
		r.disconnect();
	}
}

/** Migrates the database and loads the catalogue, first admin and (unless skipped) demo data. */
export async function prepareDatabase(
	cfg: Config
): Promise<{ demo: DemoLogin[] | null; adminPassword?: string }> {
	const db = openDb(cfg.databasePath);
	try {
		seedCatalogue(db);
		const admin = await ensureAdmin(db, cfg.CONSOLE_ADMIN_PASSWORD);
		const demo = cfg.SKIP_DEMO_SEED ? null : (await seedDemo(db, cfg.dataDir)).logins;
		return { demo, adminPassword: admin.generated };
	} finally {
		db.$client.close();
	}
}
