import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/lib/server/db';
import { startCheckpointer } from '../../src/lib/server/db/checkpointer';
import { flushed, groupWrite } from '../../src/lib/server/db/group-commit';
import { auditLog } from '../../src/lib/server/db/schema';

let dir: string;
let file: string;
let db: Db;

beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-db-'));
	file = path.join(dir, 'console.db');
	db = openDb(file);
});
afterAll(() => {
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const note = (target: string) =>
	db
		.insert(auditLog)
		.values({ actorKind: 'system', action: 'test', target, at: new Date().toISOString() })
		.run();
const targets = (reader: Db) =>
	reader
		.select({ t: auditLog.target })
		.from(auditLog)
		.all()
		.map((r) => r.t);

describe('group commit', () => {
	it('writes of one turn commit together; a failed unit leaves nothing behind', async () => {
		const reader = openDb(file, { migrate: false });
		groupWrite(db, () => note('first'));
		expect(() =>
			groupWrite(
				db,
				() => {
					note('half-done');
					throw new Error('constraint broken');
				},
				true
			)
		).toThrow('constraint broken');
		groupWrite(db, () => note('second'));
		// the same connection sees its writes at once, another only after the commit
		expect(targets(db)).toEqual(['first', 'second']);
		expect(targets(reader)).toEqual([]);
		await flushed(db);
		expect(targets(reader)).toEqual(['first', 'second']);
		reader.$client.close();
	});
});

describe('background checkpoints', () => {
	it('copies committed pages into the database file off the writing thread', async () => {
		const size = () => fs.statSync(file).size;
		db.$client.pragma('wal_checkpoint(TRUNCATE)');
		// its timer stays quiet during the test; the round below is asked for instead of waited for
		const cp = startCheckpointer(db, file, 60_000);
		try {
			const before = size();
			db.transaction(() => {
				for (let i = 0; i < 3000; i++) note(`row ${i} ${'x'.repeat(200)}`);
			});
			// over a thousand pages committed, yet the writer did not checkpoint them: only the WAL grew
			expect(size()).toBe(before);
			await cp.round().done;
			expect(size()).toBeGreaterThan(before + 3000 * 200);
		} finally {
			await cp.stop();
		}
	});

	it('keeps the WAL from growing without end under steady writes', async () => {
		db.$client.pragma('journal_size_limit = 1048576');
		// no timer: the test runs each round, so every run interleaves checkpoints and writes alike
		const cp = startCheckpointer(db, file, 0, 50);
		try {
			// some 35 MB of WAL frames, each transaction still open while a passive checkpoint runs
			// and committed after it: steady writes as a passive checkpoint meets them, never able
			// to catch up with the end of the WAL, so the WAL alone would never start over and would
			// hold all of them
			for (let batch = 0; batch < 800; batch++) {
				db.$client.exec('BEGIN IMMEDIATE');
				for (let i = 0; i < 50; i++) note(`batch ${batch} ${'y'.repeat(200)}`);
				const round = cp.round();
				await round.passive;
				db.$client.exec('COMMIT');
				await round.done;
			}
			expect(fs.statSync(`${file}-wal`).size).toBeLessThan(16 * 1048576);
		} finally {
			await cp.stop();
		}
	});
});
