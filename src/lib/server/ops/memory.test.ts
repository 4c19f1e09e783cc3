import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadTrim } from './memory';

/** This process's resident memory not backed by a file (MB). */
function anonymousMb(): number {
	const status = fs.readFileSync('/proc/self/status', 'utf8');
	return Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

const glibc = Boolean(
	(process.report?.getReport() as { header?: { glibcVersionRuntime?: string } }).header
		?.glibcVersionRuntime
);

describe.runIf(process.platform === 'linux' && glibc)('giving the C heap back', () => {
	it('returns the free pages between live blocks to the system', async () => {
		const trim = await loadTrim();
		expect(trim).not.toBeNull();
		v8.setFlagsFromString('--expose-gc');
		const gc = vm.runInNewContext('gc') as () => void;
		// 2,000 blocks of 48 KB from malloc; every eighth one stays, so the rest are free
		// chunks in the middle of the heap that free() alone does not give back
		const kept = (() => {
			const blocks = Array.from({ length: 2000 }, () => Buffer.allocUnsafeSlow(48 * 1024).fill(1));
			return blocks.filter((_, i) => i % 8 === 0);
		})();
		gc();
		gc();
		const before = anonymousMb();
		trim!();
		const after = anonymousMb();
		expect(kept).toHaveLength(250);
		expect(before - after).toBeGreaterThan(40);
	});
});
