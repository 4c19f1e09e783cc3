import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensure } from './provision';

export interface EmbeddedRedis {
	url: string;
	port: number;
	child: ChildProcess;
	stop(): Promise<void>;
}

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() =>
				addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))
			);
		});
	});
}

function killStale(pidFile: string): void {
	if (!fs.existsSync(pidFile)) return;
	const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
	if (!pid) return;
	try {
		const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		if (cmd.includes('redis-server')) process.kill(pid, 'SIGTERM');
	} catch {
		/* not running any more */
	}
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
		const ok = await new Promise<boolean>((resolve) => {
			const s = net.connect(port, '127.0.0.1');
			s.once('connect', () => {
				s.write('PING\r\n');
			});
			s.once('data', (d) => {
				s.destroy();
				resolve(d.toString().startsWith('+PONG'));
			});
			s.once('error', () => resolve(false));
		});
		if (ok) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`redis-server did not start on port ${port} within ${timeoutMs} ms`);
}

/**
 * Starts a private redis-server with its data under `dir` (append-only, noeviction), on a free
 * loopback port (or `port`, to come back where clients expect it after a restart), so two
 * consoles on one machine never share state.
 */
export async function startRedis(
	dir: string,
	log: (l: string) => void = console.log,
	fixedPort?: number
): Promise<EmbeddedRedis> {
	const bin = ensure('redis', log);
	fs.mkdirSync(dir, { recursive: true });
	const pidFile = path.join(dir, 'redis.pid');
	killStale(pidFile);
	const port = fixedPort ?? (await freePort());
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--dir',
		path.resolve(dir),
		'--pidfile',
		path.resolve(pidFile),
		'--appendonly',
		'yes',
		'--appendfsync',
		'everysec',
		'--maxmemory-policy',
		'noeviction',
		'--save',
		'',
		'--daemonize',
		'no',
		'--logfile',
		path.resolve(dir, 'redis.log')
	];
	const child = spawn(bin, args, { stdio: 'ignore' });
	fs.writeFileSync(pidFile, String(child.pid));
	await waitForPort(port, child, 10_000);
	let stopped: Promise<void> | undefined;
	return {
		url: `redis://127.0.0.1:${port}`,
		port,
		child,
		stop() {
			stopped ??= new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 5000).unref();
			});
			return stopped;
		}
	};
}
