import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';

/** The console's health as its endpoint reports it (null when nothing answers). */
export interface HealthReply {
	status: number;
	body: { status: string; checks: Record<string, { ok: boolean; count?: number }> } | null;
}

/** GET one URL with node:http (fetch refuses some ports); never throws. */
export function getJson(url: string): Promise<HealthReply> {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: 3000 }, (res) => {
			let text = '';
			res.on('data', (d) => (text += d));
			res.on('end', () => {
				try {
					resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
				} catch {
					resolve({ status: res.statusCode ?? 0, body: null });
				}
			});
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve({ status: 0, body: null }));
	});
}

/** Every process below `root`, with its command line. */
function descendants(root: number): { pid: number; args: string }[] {
	const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
		.split('\n')
		.map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
		.filter((m): m is RegExpMatchArray => !!m)
		.map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
	const out: { pid: number; args: string }[] = [];
	const walk = (p: number) => {
		for (const r of rows.filter((r) => r.ppid === p)) {
			out.push(r);
			walk(r.pid);
		}
	};
	walk(root);
	return out;
}

/** The console started as `npm start` does (scripts/start.ts: web + worker, supervised). */
export class Console {
	output = '';
	private constructor(
		readonly child: ChildProcess,
		readonly base: string
	) {
		child.stdout!.on('data', (d) => (this.output += d));
		child.stderr!.on('data', (d) => (this.output += d));
	}

	static start(port: number, env: Record<string, string>): Console {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		return new Console(child, `http://127.0.0.1:${port}`);
	}

	health(): Promise<HealthReply> {
		return getJson(`${this.base}/api/v1/health`);
	}

	/** The pid of the web or worker process now running under the supervisor, or null. */
	pidOf(part: 'web' | 'worker'): number | null {
		const mark = part === 'web' ? 'build/index.js' : 'src/worker.ts';
		return descendants(this.child.pid!).find((p) => p.args.includes(mark))?.pid ?? null;
	}

	/** Ctrl-C, and waits for the console to exit. */
	async stop(): Promise<number | null> {
		if (this.child.exitCode !== null) return this.child.exitCode;
		const exited = new Promise<number | null>((r) => this.child.once('exit', (c) => r(c)));
		this.child.kill('SIGINT');
		return exited;
	}
}
