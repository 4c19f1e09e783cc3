import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file under a folder whose name passes the test. */
function files(dir: string, keep: (name: string) => boolean): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = join(dir, e.name);
		return e.isDirectory() ? files(p, keep) : keep(e.name) ? [p] : [];
	});
}

// Emoji are drawn by an emoji font the booth may not have (an empty box); icons are SVG.
const PICTOGRAPH = /\p{Extended_Pictographic}|[\u{2713}-\u{2718}\u{1F1E6}-\u{1F1FF}]|\u{FE0F}/u;

describe('icons', () => {
	it('no component, page or UI text uses an emoji or pictograph', () => {
		const checked = [
			...files('src', (n) => n.endsWith('.svelte')),
			...files('src/lib/i18n', (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
		];
		expect(checked.length).toBeGreaterThan(50);
		const found = checked.flatMap((f) =>
			readFileSync(f, 'utf8')
				.split('\n')
				.flatMap((line, i) => (PICTOGRAPH.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : []))
		);
		expect(found).toEqual([]);
	});
});
