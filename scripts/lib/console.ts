import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

/** The console's two processes, as `npm start` runs them (without its restarts): for the benchmarks. */
export interface ConsoleProcesses {
	web: ChildProcess;
	worker: ChildProcess;
	/** SIGTERM to both (SIGKILL after 10 s); resolves once both have exited. Safe to call twice. */
	stop(): Promise<void>;
}

/**
 * The web process's Node options: its old generation capped at WEB_HEAP_MB (default 320). Its
 * live heap stays under 100 MB with 1,100 event streams, but with the whole machine's memory as
 * headroom V8 let garbage pile up to 600 MB and more before collecting (RSS 900 MB); the cap
 * makes it collect sooner, see BENCHMARKS.md.
 */
export function webNodeArgs(env: NodeJS.ProcessEnv): string[] {
	const raw = env.WEB_HEAP_MB?.trim() || '320';
	const mb = Number(raw);
	if (!Number.isInteger(mb) || mb < 192 || mb > 65536)
		throw new Error(
			`WEB_HEAP_MB must be a whole number of megabytes from 192 to 65536, not "${raw}"`
		);
	return [`--max-old-space-size=${mb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
}

/**
 * The young generation's semi-space (MB): 8 rather than V8's 16 (the web's young generation
 * commits 16 MB instead of 32) for a few more, shorter scavenges.
 */
const SEMI_SPACE_MB = 8;

/**
 * glibc malloc settings for the web process, unless the environment sets them: two arenas
 * instead of eight per core, and a fixed mmap threshold, so that a large block freed (scrypt's
 * 16 MB at each login) goes back to the system instead of staying in the heap. Without it a
 * burst of logins left about 75 MB behind in the process for good (BENCHMARKS.md).
 */
export function webProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return {
		MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2',
		MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ ?? String(128 * 1024)
	};
}

/**
 * Starts the built web app (`build/index.js`) and the worker (`src/worker.ts`) with `env`.
 * `onExit` hears of a process that stops before `stop()` was called.
 */
export function spawnConsole(
	env: NodeJS.ProcessEnv,
	opts: {
		onExit?: (name: 'web' | 'worker', how: string) => void;
		stdio?: StdioOptions;
	} = {}
): ConsoleProcesses {
	let stopping = false;
	const stdio = opts.stdio ?? ['ignore', 'inherit', 'inherit'];
	const run = (name: 'web' | 'worker', args: string[], extra: NodeJS.ProcessEnv) => {
		const child = spawn(process.execPath, args, {
			env: { ...env, ...extra, CONSOLE_PROCESS: name },
			stdio
		});
		child.once('exit', (code, signal) => {
			if (!stopping) opts.onExit?.(name, signal ?? `exit ${code}`);
		});
		return child;
	};
	// Live SSE streams never finish by themselves: give them 3 s on shutdown, not the default 30.
	const web = run('web', [...webNodeArgs(env), path.resolve('build/index.js')], {
		SHUTDOWN_TIMEOUT: env.SHUTDOWN_TIMEOUT ?? '3',
		...webProcessEnv(env)
	});
	const worker = run(
		'worker',
		[path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('src/worker.ts')],
		{}
	);
	let stopped: Promise<void> | undefined;
	return {
		web,
		worker,
		stop() {
			stopping = true;
			stopped ??= (async () => {
				const children = [web, worker];
				const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
				for (const c of children) if (alive(c)) c.kill('SIGTERM');
				const force = setTimeout(
					() => children.forEach((c) => alive(c) && c.kill('SIGKILL')),
					10_000
				);
				await Promise.all(
					children.map((c) => (alive(c) ? new Promise((r) => c.once('exit', r)) : null))
				);
				clearTimeout(force);
			})();
			return stopped;
		}
	};
}

/** The health endpoint's HTTP status, or 0 when nothing answers (node:http: fetch refuses some ports). */
export function healthStatus(url: string): Promise<number> {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: 3000 }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(0));
	});
}

/** Waits until the web server at `url` answers its health check with 200. */
export async function waitForWeb(
	url: string,
	timeoutMs = 60_000,
	gaveUp: () => boolean = () => false
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline && !gaveUp()) {
		if ((await healthStatus(`${url}/api/v1/health`)) === 200) return;
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`the web server did not become healthy at ${url}`);
}
