import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newest(p: string): number {
	if (!fs.existsSync(p)) return 0;
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = st.mtimeMs;
	for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
	return max;
}

/** Builds the web app when there is no build or the sources changed since the last one. */
export function buildIfStale(log: (l: string) => void): void {
	const out = path.resolve('build/index.js');
	const built = fs.existsSync(out) ? fs.statSync(out).mtimeMs : 0;
	const sources = Math.max(
		...['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map(newest)
	);
	if (built >= sources) return;
	log('Building the web app (first start, or sources changed)…');
	execFileSync(
		process.execPath,
		[path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
		{ stdio: 'inherit' }
	);
}
