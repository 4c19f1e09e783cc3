import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Ctx } from '../../src/lib/server/context';
import { flushed } from '../../src/lib/server/db/group-commit';
import { closeRouting, mobileCall, routingContext } from './routing-helpers';

const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
let ctx: Ctx;
let dir: string;

beforeAll(async () => {
	ctx = await routingContext();
	dir = path.join(inject('tmpDir'), 'backup');
	fs.mkdirSync(dir, { recursive: true });
});
afterAll(() => closeRouting(ctx));

/** Runs one of the project's scripts against this test's database; resolves with its exit and output. */
function script(name: string, args: string[], env: Record<string, string>) {
	return new Promise<{ code: number | null; out: string }>((resolve) => {
		const child = spawn(process.execPath, [tsx, `scripts/${name}.ts`, ...args], {
			env: { ...process.env, DATA_DIR: dir, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.once('exit', (code) => resolve({ code, out }));
	});
}

const count = (file: string, sql: string) => {
	const db = new Database(file, { readonly: true });
	try {
		return (db.prepare(sql).get() as { n: number }).n;
	} finally {
		db.close();
	}
};

describe('npm run backup and npm run restore', () => {
	it('backs up online while calls keep coming, and the backup restores to a working database', async () => {
		const before = [];
		for (let i = 0; i < 5; i++) before.push((await mobileCall(ctx)).callId);
		await flushed(ctx.db);
		// calls keep arriving while the backup runs
		let writing = true;
		const writer = (async () => {
			let n = 0;
			while (writing) {
				await mobileCall(ctx);
				n++;
			}
			return n;
		})();
		const file = path.join(dir, 'nightly.db');
		const backup = await script('backup', [file], { DATABASE_PATH: ctx.cfg.databasePath });
		writing = false;
		const during = await writer;
		expect(backup.code, backup.out).toBe(0);
		expect(backup.out).toContain(`written to ${file}`);
		expect(during).toBeGreaterThan(0);

		// consistent: every call in the copy has its first event, and the calls made before are all there
		const calls = count(file, 'select count(*) n from calls');
		expect(calls).toBeGreaterThanOrEqual(before.length);
		expect(count(file, `select count(*) n from call_events where type = 'created'`)).toBe(calls);

		const target = path.join(dir, 'restored', 'console.db');
		const restore = await script('restore', [file], { DATABASE_PATH: target });
		expect(restore.code, restore.out).toBe(0);
		const db = new Database(target, { readonly: true });
		const ids = (db.prepare('select id from calls').all() as { id: string }[]).map((r) => r.id);
		db.close();
		expect(ids).toEqual(expect.arrayContaining(before));
		expect(ids).toHaveLength(calls);
		// the console starts on it: migrations apply and the catalogue is there
		const migrate = await script('migrate', [], { DATABASE_PATH: target });
		expect(migrate.code, migrate.out).toBe(0);
	});

	it('refuses to restore a file that is not a whole console database, and leaves the database as it was', async () => {
		const target = path.join(dir, 'kept', 'console.db');
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(path.join(dir, 'nightly.db'), target);
		const bad = path.join(dir, 'bad.db');
		fs.writeFileSync(bad, 'not a database');
		const r = spawnSync(process.execPath, [tsx, 'scripts/restore.ts', bad], {
			env: { ...process.env, DATA_DIR: dir, DATABASE_PATH: target },
			encoding: 'utf8'
		});
		expect(r.status).toBe(1);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/restore failed/);
		expect(fs.readFileSync(target)).toEqual(fs.readFileSync(path.join(dir, 'nightly.db')));
	});
});
