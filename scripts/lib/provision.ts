import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const packages = {
	redis: {
		bin: 'redis-server',
		pkg: 'redis-server',
		paths: ['/usr/bin/redis-server', '/usr/local/bin/redis-server']
	},
	chromium: { bin: 'chromium', pkg: 'chromium', paths: ['/usr/bin/chromium'] }
} as const;

export type Need = keyof typeof packages;

function which(bin: string): string | undefined {
	const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/** Path of a needed OS program, installing its Debian package first when it is missing and we may. */
export function ensure(need: Need, log: (line: string) => void = console.log): string {
	const spec = packages[need];
	const existing = spec.paths.find((p) => fs.existsSync(p)) ?? which(spec.bin);
	if (existing) return existing;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const command = `apt-get update && apt-get install -y --no-install-recommends ${spec.pkg}`;
	if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
		throw new Error(
			`${spec.bin} is not installed. Install it with: sudo sh -c '${command}' (then run the command again)`
		);
	}
	log(`Installing ${spec.pkg} (Debian package; needed once)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
	execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', spec.pkg], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env
	});
	// The package starts a system-wide redis on 6379; the console never uses it.
	if (need === 'redis') spawnSync('sh', ['-c', 'service redis-server stop'], { stdio: 'ignore' });
	const installed = spec.paths.find((p) => fs.existsSync(p)) ?? which(spec.bin);
	if (!installed) throw new Error(`${spec.pkg} was installed but ${spec.bin} is still not on PATH`);
	log(`Installed ${spec.pkg}: ${installed}`);
	return installed;
}
