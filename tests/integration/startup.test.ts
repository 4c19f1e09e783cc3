import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inject, describe, expect, it } from 'vitest';
import { openDb } from '../../src/lib/server/db';
import { booths, users } from '../../src/lib/server/db/schema';
import { seedDemo, ensureAdmin, seedCatalogue } from '../../src/lib/server/seed/seed';
import { verifyPassword } from '../../src/lib/server/auth/password';

const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');

describe('start-up', () => {
	it('fails with one clear line when REDIS_URL points at nothing', () => {
		const r = spawnSync(process.execPath, [tsx, 'scripts/start.ts'], {
			env: {
				...process.env,
				REDIS_URL: 'redis://127.0.0.1:1',
				DATA_DIR: path.join(inject('tmpDir'), 'badredis')
			},
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(r.status).toBe(1);
		const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.includes('npm warn'));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/cannot start: Redis at redis:\/\/127\.0\.0\.1:1 is unreachable/);
	});

	it('fails with one clear line for a bad setting', () => {
		const r = spawnSync(process.execPath, [tsx, 'scripts/start.ts'], {
			env: { ...process.env, PORT: 'abc' },
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(r.status).toBe(1);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/Invalid configuration: PORT/);
	});

	it('seeds the demo once: 30 agents, supervisors, scheduler, 40 booths, and the first admin', async () => {
		const dir = path.join(inject('tmpDir'), 'seed');
		const db = openDb(path.join(dir, 'console.db'));
		seedCatalogue(db);
		const admin = await ensureAdmin(db, 'first-admin-pass');
		expect(admin).toEqual({ created: true, generated: undefined });
		expect((await ensureAdmin(db, 'other')).created).toBe(false);
		const first = await seedDemo(db, dir);
		const again = await seedDemo(db, dir);
		expect([first.seeded, again.seeded]).toEqual([true, false]);
		const all = db.select().from(users).all();
		expect(all.filter((u) => u.roles.includes('agent'))).toHaveLength(30);
		expect(all.filter((u) => u.roles.includes('supervisor'))).toHaveLength(2);
		expect(all.filter((u) => u.roles.includes('scheduler'))).toHaveLength(1);
		expect(
			await verifyPassword(
				'first-admin-pass',
				all.find((u) => u.username === 'admin')!.passwordHash
			)
		).toBe(true);
		expect(db.select().from(booths).all()).toHaveLength(40);
		expect(fs.existsSync(path.join(dir, 'demo-booth.json'))).toBe(true);
		db.$client.close();
	});
});
