import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { inject } from 'vitest';
import { parseConfig } from '../../src/lib/server/config';
import { closeContext, createContext, type Ctx } from '../../src/lib/server/context';
import { seedCatalogue } from '../../src/lib/server/seed/seed';

/**
 * A real context for one test file: a fresh SQLite file (migrated, catalogue loaded) and the
 * run's Redis under a unique key prefix, so files never see each other's state.
 */
export async function testContext(env: Record<string, string> = {}): Promise<Ctx> {
	const id = randomUUID().slice(0, 8);
	const cfg = parseConfig({
		REDIS_URL: inject('redisUrl'),
		DATA_DIR: path.join(inject('tmpDir'), id),
		REDIS_PREFIX: `t${id}`,
		LOG_LEVEL: 'silent',
		...env
	});
	const ctx = await createContext(cfg, { subscribe: true });
	seedCatalogue(ctx.db);
	return ctx;
}

/** Closes a test context. */
export async function closeTestContext(ctx: Ctx): Promise<void> {
	await closeContext(ctx);
}
