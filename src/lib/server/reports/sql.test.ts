import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REBUILD_SQL, TRIGGERS_SQL } from './sql';

describe('the reports migration', () => {
	it('holds the same rebuild and trigger statements the benchmark and tests use', () => {
		const dir = 'migrations';
		// each file on its own: a file's last statement has no breakpoint after it
		const statements = new Set(
			fs
				.readdirSync(dir)
				.filter((f) => f.endsWith('.sql'))
				.flatMap((f) => fs.readFileSync(`${dir}/${f}`, 'utf8').split('--> statement-breakpoint'))
				.map((s) => s.replace(/^(--.*\n)+/m, '').trim())
		);
		for (const s of [...REBUILD_SQL, ...TRIGGERS_SQL])
			expect(statements, s.slice(0, 80)).toContain(s);
	});
});
