import { spawn, type ChildProcess } from 'node:child_process';

/** Restart delays: 1 s, 2 s, 4 s … up to 30 s; a process that ran 30 s without dying starts over at 1 s. */
export const RESTART = { firstMs: 1000, maxMs: 30_000, stableMs: 30_000 };

/** The delay before restart number `n` (1-based) of a process that keeps dying. */
export function restartDelayMs(n: number): number {
	return Math.min(RESTART.maxMs, RESTART.firstMs * 2 ** Math.max(0, n - 1));
}

export interface Supervised {
	name: string;
	/** Starts the process (again); its output goes to ours. */
	start(): ChildProcess | Promise<ChildProcess>;
}

/**
 * Keeps processes running: one that exits while the supervisor is not stopping is started again
 * after a growing delay, and the others keep serving meanwhile. `stop` ends them all.
 */
export class Supervisor {
	private readonly running = new Map<string, ChildProcess>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private stopping = false;

	constructor(private readonly log: (line: string) => void) {}

	/** Starts a process and watches it. */
	async add(p: Supervised): Promise<ChildProcess> {
		return this.launch(p, 0);
	}

	private async launch(p: Supervised, failures: number): Promise<ChildProcess> {
		const child = await p.start();
		const started = Date.now();
		this.running.set(p.name, child);
		child.once('exit', (code, signal) => {
			if (this.stopping) return;
			const n = Date.now() - started >= RESTART.stableMs ? 1 : failures + 1;
			this.retry(p, n, `stopped unexpectedly (${signal ?? `exit ${code}`})`);
		});
		return child;
	}

	private retry(p: Supervised, n: number, why: string): void {
		const wait = restartDelayMs(n);
		this.log(
			`${p.name} ${why}; restarting it in ${wait / 1000} s (restart ${n}), the rest keeps serving`
		);
		const t = setTimeout(() => {
			this.timers.delete(t);
			if (this.stopping) return;
			this.launch(p, n).then(
				() => this.log(`${p.name} restarted`),
				(e) => this.retry(p, n + 1, `could not start (${e instanceof Error ? e.message : e})`)
			);
		}, wait);
		this.timers.add(t);
	}

	/** Stops the named processes (all by default): SIGTERM, then SIGKILL after `graceMs`; restarts none of them. */
	async stop(names?: string[], graceMs = 10_000): Promise<void> {
		this.stopping = true;
		for (const t of this.timers) clearTimeout(t);
		const children = [...this.running]
			.filter(([n]) => !names || names.includes(n))
			.map(([, c]) => c);
		const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
		for (const c of children) if (alive(c)) c.kill('SIGTERM');
		const force = setTimeout(() => children.forEach((c) => alive(c) && c.kill('SIGKILL')), graceMs);
		await Promise.all(
			children.map((c) => (alive(c) ? new Promise((r) => c.once('exit', r)) : null))
		);
		clearTimeout(force);
	}
}

/** A node process with this environment, its output passed through. */
export function nodeProcess(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
	return spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
}
