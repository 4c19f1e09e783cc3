import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { compileModule } from 'svelte/compiler';

/**
 * Node module hooks that let a benchmark run the browser's own `*.svelte.ts` state classes:
 * `$lib/…` resolves to `src/lib/…`, and runes modules are compiled by Svelte for the client (the
 * same signals and proxies as in the browser), after esbuild strips the TypeScript.
 */
const lib = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/lib');

type Next<A, R> = (specifier: string, context: A) => Promise<R>;
interface Resolved {
	url: string;
	format?: string | null;
	shortCircuit?: boolean;
}
interface Loaded {
	format: string;
	source?: string | Buffer | null;
	shortCircuit?: boolean;
}

/** Maps `$lib/x` to a file under src/lib (a `.ts` file when the import names none). */
export async function resolve(
	specifier: string,
	context: { parentURL?: string },
	next: Next<{ parentURL?: string }, Resolved>
): Promise<Resolved> {
	if (specifier.startsWith('$lib/')) {
		const base = path.join(lib, specifier.slice(5));
		const file = [base, `${base}.ts`, `${base}.js`].find((f) => fs.existsSync(f)) ?? base;
		// through the next hooks (tsx's), which know how to load TypeScript
		return next(pathToFileURL(file).href, context);
	}
	return next(specifier, context);
}

/** Compiles `*.svelte.ts` / `*.svelte.js` modules as Svelte does for the browser. */
export async function load(
	url: string,
	context: { format?: string | null },
	next: Next<{ format?: string | null }, Loaded>
): Promise<Loaded> {
	if (!/\.svelte\.(ts|js)$/.test(url)) return next(url, context);
	const filename = fileURLToPath(url);
	const js = (
		await transform(fs.readFileSync(filename, 'utf8'), {
			loader: 'ts',
			format: 'esm',
			target: 'es2022'
		})
	).code;
	const out = compileModule(js, { filename, generate: 'client', dev: false });
	return { format: 'module', source: out.js.code, shortCircuit: true };
}
