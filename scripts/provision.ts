import { ensure, type Need } from './lib/provision';

/** `tsx scripts/provision.ts redis chromium`: installs what the OS lacks (Debian packages). */
const needs = process.argv.slice(2) as Need[];
try {
	for (const n of needs) ensure(n);
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
}
