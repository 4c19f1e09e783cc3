import fs from 'node:fs';
import path from 'node:path';
import type { DemoLogin } from '../../src/lib/server/seed/seed';

/** Prints the console's address and how to log in. */
export function printReady(o: {
	url: string;
	demo: DemoLogin[] | null;
	demoPassword: string;
	adminPassword?: string;
	dataDir: string;
}) {
	const lines = ['', `  云窗口坐席台 Cloud Window Console is running: ${o.url}`, ''];
	if (o.adminPassword)
		lines.push(`  Admin:  admin / ${o.adminPassword}   (generated, shown once: note it now)`);
	if (o.demo) {
		const pick = (role: string, n: number) => o.demo!.filter((d) => d.role === role).slice(0, n);
		lines.push(`  Demo logins (password for all: ${o.demoPassword}):`);
		for (const d of [
			...pick('agent', 3),
			...pick('supervisor', 1),
			...pick('scheduler', 1),
			...pick('admin', 1)
		]) {
			lines.push(`    ${d.role.padEnd(10)} ${d.username.padEnd(10)} ${d.displayName}`);
		}
		lines.push(`    (agents agent01 … agent30, supervisors super01 super02)`);
		const boothFile = path.join(o.dataDir, 'demo-booth.json');
		if (fs.existsSync(boothFile)) {
			const b = JSON.parse(fs.readFileSync(boothFile, 'utf8')) as { name: string; token: string };
			lines.push(
				'',
				`  Try it alone: open the booth and log in as an agent in another browser window.`,
				`    Booth kiosk (${b.name}): ${o.url}/booth?token=${b.token}`
			);
		}
		lines.push(`    Mobile page:  ${o.url}/m`);
	}
	lines.push('', '  Press Ctrl-C to stop (the private Redis stops with it).', '');
	console.log(lines.join('\n'));
}
