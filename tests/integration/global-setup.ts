import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startRedis, type EmbeddedRedis } from '../../scripts/lib/redis-server';

let redis: EmbeddedRedis | undefined;
let dir: string | undefined;

/** One real, private redis-server for the integration run; each test file uses its own key prefix. */
export async function setup(project: TestProject) {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-it-'));
	redis = await startRedis(path.join(dir, 'redis'), () => {});
	project.provide('redisUrl', redis.url);
	project.provide('tmpDir', dir);
}

export async function teardown() {
	await redis?.stop();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
	export interface ProvidedContext {
		redisUrl: string;
		tmpDir: string;
	}
}
